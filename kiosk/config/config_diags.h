#ifndef KIOSK_CONFIG_DIAGS_H
#define KIOSK_CONFIG_DIAGS_H
/* Internal to the config loader: the kinds of problems it reports, each
 * with an English and a Japanese template. %1 %2 %3 are replaced by the
 * arguments (so the languages may order them differently); %% is a '%'. */
#include "config.h"

#define CONFIG_MSGS(X)                                                                         \
    X(FILE_UNREADABLE, "cannot read the file (%1)", "ファイルを読めません（%1）")              \
    X(FILE_EMPTY, "the file is empty", "ファイルが空です")                                     \
    X(FILE_TOO_BIG, "the file is larger than 1 MiB (%1 bytes); is it the right file?",         \
      "ファイルが 1 MiB を超えています（%1 バイト）。正しいファイルですか？")                  \
    X(FILE_BOM, "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM",  \
      "ファイルの先頭に BOM があります。BOM なしの UTF-8 で保存してください")                  \
    X(FILE_NOT_UTF8, "the file is not valid UTF-8 here; save it as UTF-8",                     \
      "ここが正しい UTF-8 ではありません。UTF-8 で保存してください")                           \
    X(FILE_NOMEM, "out of memory while reading the file",                                      \
      "メモリ不足のためファイルを読めません")                                                  \
    X(NOT_OBJECT, "the file must be one JSON object: { ... }",                                 \
      "ファイル全体を 1 つの JSON オブジェクト { ... } にしてください")                         \
    X(SYN_NO_VALUE, "the file contains no JSON", "JSON が書かれていません")                    \
    X(SYN_EOF_IN_OBJECT, "the file ends before this `{` is closed with `}`",                   \
      "この `{` を閉じる `}` がないままファイルが終わっています")                              \
    X(SYN_EOF_IN_ARRAY, "the file ends before this `[` is closed with `]`",                    \
      "この `[` を閉じる `]` がないままファイルが終わっています")                              \
    X(SYN_EXPECTED_VALUE, "expected a value, found `%1`", "値が必要ですが `%1` があります")    \
    X(SYN_EXPECTED_KEY, "expected a key in double quotes, found `%1`",                         \
      "ダブルクォートで囲んだキーが必要ですが `%1` があります")                                \
    X(SYN_UNQUOTED_KEY, "key `%1` must be in double quotes: \"%1\"",                           \
      "キー `%1` はダブルクォートで囲んでください: \"%1\"")                                   \
    X(SYN_EXPECTED_COLON, "expected `:` after the key, found `%1`",                            \
      "キーの後に `:` が必要ですが `%1` があります")                                           \
    X(SYN_MISSING_COMMA, "a comma `,` is missing before this",                                 \
      "この前にカンマ `,` がありません")                                                       \
    X(SYN_EXPECTED_COMMA_OBJECT, "expected `,` or `}`, found `%1`",                            \
      "`,` か `}` が必要ですが `%1` があります")                                               \
    X(SYN_EXPECTED_COMMA_ARRAY, "expected `,` or `]`, found `%1`",                             \
      "`,` か `]` が必要ですが `%1` があります")                                               \
    X(SYN_TRAILING_COMMA, "remove this comma: JSON allows no comma before `}` or `]`",         \
      "このカンマを削除してください。`}` や `]` の直前にカンマは書けません")                   \
    X(SYN_COMMENT, "comments (// or /* */) are not allowed in JSON",                           \
      "JSON にはコメント（// や /* */）を書けません")                                          \
    X(SYN_SINGLE_QUOTE, "use double quotes \" around texts, not single quotes '",              \
      "文字列はシングルクォート ' ではなくダブルクォート \" で囲んでください")                 \
    X(SYN_BAD_WORD,                                                                            \
      "unexpected word `%1`: texts need double quotes; true, false and null are lowercase",   \
      "`%1` は使えません。文字列はダブルクォートで囲み、true・false・null は小文字で書いてください") \
    X(SYN_BAD_NUMBER, "`%1` is not a valid number (no leading 0 or +, a dot for decimals)",    \
      "`%1` は正しい数値ではありません（先頭の 0 や + は不可、小数点は .）")                   \
    X(SYN_UNTERMINATED_STRING, "the text starting here has no closing `\"`",                   \
      "ここから始まる文字列に閉じる `\"` がありません")                                        \
    X(SYN_NEWLINE_IN_STRING,                                                                   \
      "the text starting here is not closed with `\"` before the end of the line "            \
      "(write \\n for a line break)",                                                          \
      "ここから始まる文字列が行末までに `\"` で閉じられていません（改行は \\n と書きます）")   \
    X(SYN_CONTROL_CHAR, "a control character (a tab?) inside a text; write \\t or remove it",  \
      "文字列の中に制御文字（タブなど）があります。\\t と書くか削除してください")              \
    X(SYN_BAD_ESCAPE, "unknown escape `%1`; write \\\\ for a backslash",                       \
      "`%1` は使えないエスケープです。バックスラッシュは \\\\ と書きます")                     \
    X(SYN_BAD_UNICODE_ESCAPE, "a \\u escape needs 4 hex digits, e.g. \\u00e9",                 \
      "\\u のあとには 16 進数 4 桁が必要です（例: \\u00e9）")                                  \
    X(SYN_BAD_SURROGATE, "a \\uD800-\\uDFFF escape must be part of a surrogate pair",          \
      "\\uD800〜\\uDFFF はサロゲートペアとして書いてください")                                 \
    X(SYN_NUL_CHAR, "\\u0000 (NUL) is not allowed in texts",                                   \
      "文字列に \\u0000（NUL）は使えません")                                                   \
    X(SYN_TOO_DEEP, "nested too deeply (more than 64 levels)",                                 \
      "入れ子が深すぎます（64 段まで）")                                                       \
    X(SYN_FULLWIDTH_SPACE, "a full-width space outside quotes; replace it with a normal space", \
      "引用符の外に全角スペースがあります。半角スペースにしてください")                        \
    X(SYN_TRAILING_DATA, "extra text after the end of the JSON object: `%1`",                  \
      "JSON オブジェクトの終わりの後に余分な文字 `%1` があります")                             \
    X(DUP_KEY, "`%1` appears more than once in this object; keep only one",                    \
      "`%1` がこのオブジェクトに複数あります。1 つだけにしてください")                         \
    X(EXPECT_STRING, "must be a text in double quotes, not %1",                                \
      "ダブルクォートで囲んだ文字列で書いてください（%1 ではなく）")                           \
    X(EXPECT_INT, "must be a whole number, not %1", "整数で書いてください（%1 ではなく）")     \
    X(EXPECT_NUMBER, "must be a number, not %1", "数値で書いてください（%1 ではなく）")        \
    X(EXPECT_BOOL, "must be true or false, not %1",                                            \
      "true か false で書いてください（%1 ではなく）")                                         \
    X(EXPECT_ARRAY, "must be a list [ ... ], not %1",                                          \
      "リスト [ ... ] で書いてください（%1 ではなく）")                                        \
    X(EXPECT_OBJECT, "must be an object { ... }, not %1",                                      \
      "オブジェクト { ... } で書いてください（%1 ではなく）")                                  \
    X(EXPECT_LTEXT,                                                                            \
      "must be a text, or texts by language like {\"ja\": \"...\", \"en\": \"...\"}, not %1", \
      "文字列、または {\"ja\": \"...\", \"en\": \"...\"} のような言語別の文字列で書いてください（%1 ではなく）") \
    X(EXPECT_HOURS, "must be \"HH:MM-HH:MM\" or a list of them, not %1",                       \
      "\"HH:MM-HH:MM\" またはそのリストで書いてください（%1 ではなく）")                       \
    X(MISSING, "required field `%1` is missing", "必須の項目 `%1` がありません")               \
    X(UNKNOWN_KEY, "unknown key `%1`: the kiosk does not know it; check its spelling",         \
      "不明なキー `%1` です。つづりを確認してください")                                        \
    X(UNKNOWN_KEY_SUGGEST, "unknown key `%1`; did you mean `%2`?",                             \
      "不明なキー `%1` です。`%2` の間違いではありませんか？")                                 \
    X(DUP_ID, "id `%1` is already used by %2", "id `%1` は %2 ですでに使われています")         \
    X(EMPTY, "must not be empty", "空にはできません")                                          \
    X(RANGE, "must be between %1 and %2, not %3",                                              \
      "%1 から %2 の範囲にしてください（%3 ではなく）")                                        \
    X(ARRAY_COUNT, "must have %1 to %2 entries, not %3",                                             \
      "%1〜%2 個にしてください（%3 個ではなく）")                                              \
    X(ROTATION, "must be 0, 90, 180 or 270, not %1",                                           \
      "0・90・180・270 のいずれかにしてください（%1 ではなく）")                               \
    X(ID_FORMAT, "`%1` is not a valid id: use lowercase letters a-z, digits 0-9 and `-`",      \
      "`%1` は id に使えません。半角の小文字 a-z・数字 0-9・`-` だけで書いてください")         \
    X(PHONE, "`%1` is not a phone number: write half-width digits with `-`, e.g. 0133-23-2330", \
      "`%1` は電話番号として読めません。半角の数字と `-` で書いてください（例: 0133-23-2330）") \
    X(COLOR, "`%1` is not a colour: write #RRGGBB, e.g. #2E7D32",                              \
      "`%1` は色として読めません。#RRGGBB の形（例: #2E7D32）で書いてください")                \
    X(PIN, "must be the value `kiosk --hash-pin` prints (pbkdf2-sha256$...)",                 \
      "`kiosk --hash-pin` が表示する値（pbkdf2-sha256$...）を書いてください")                 \
    X(PIN_LEGACY, "an unsalted SHA-256 of the PIN is quickly reversed: replace it with the "  \
      "value `kiosk --hash-pin` prints",                                                       \
      "塩なしの SHA-256 はすぐに PIN が分かります。`kiosk --hash-pin` の値に替えてください")   \
    X(PIN_EXAMPLE, "this is the example PIN of the shipped config: set your own with "        \
      "`kiosk --hash-pin`",                                                                    \
      "出荷時の例の PIN のままです。`kiosk --hash-pin` で自分の PIN にしてください")           \
    X(LANG_CODE, "`%1` is not a language code like ja, en, zh-Hant, ko or ja-easy",            \
      "`%1` は言語コード（ja・en・zh-Hant・ko・ja-easy など）ではありません")                  \
    X(LANG_DUP, "language `%1` is listed twice", "言語 `%1` が 2 回書かれています")            \
    X(LANG_NOT_LISTED, "`%1` is not in kiosk.languages", "`%1` が kiosk.languages にありません") \
    X(LANG_UNDECLARED, "`%1` is not in kiosk.languages, so this text is never shown",          \
      "`%1` は kiosk.languages にないため、この文字列は表示されません")                        \
    X(TEXT_NO_DEFAULT, "no text in the default language `%1`",                                 \
      "既定の言語 `%1` の文字列がありません")                                                  \
    X(TIME_FORMAT, "`%1` is not an opening time: write HH:MM-HH:MM, e.g. 08:45-17:30",         \
      "`%1` は受付時間として読めません。半角で HH:MM-HH:MM（例: 08:45-17:30）と書いてください") \
    X(TIME_CHAR, "`%1` has %2, which the kiosk cannot read; write half-width digits, `:` and a plain hyphen `-`: `%3`", \
      "`%1` に %2 が入っていて読めません。半角の数字・`:`・ハイフン `-` で `%3` と書いてください") \
    X(NAME_NO_LANG, "no name in `%1`: the `%1` screens show `%2` instead",                    \
      "`%1` の名前がありません。`%1` の画面には代わりに `%2` が表示されます")                  \
    X(SUMMARY_NO_LANG, "no summary in `%1`: the `%1` card shows the start of the text, cut with …", \
      "`%1` の summary がありません。`%1` のカードには本文の最初が「…」付きで表示されます")     \
    X(SUMMARY_LONG, "summary `%1` needs the room of about %2 full-width characters (a Latin letter counts about half); a card has room for %3 on its one line: shorten it", \
      "summary `%1` は全角でおよそ %2 文字分の幅です。カードの 1 行は %3 文字分です。短くしてください") \
    X(TIME_ORDER, "`%1` closes before it opens", "`%1` は終了時刻が開始時刻より前です")        \
    X(TIME_OVERLAP, "`%1` overlaps or comes before `%2`; list times in order without overlap", \
      "`%1` が `%2` と重なっているか順番が逆です。重ならないよう時刻順に書いてください")       \
    X(DATE, "`%1` is not a real date: write YYYY-MM-DD, e.g. 2026-12-28",                      \
      "`%1` は実在する日付ではありません。YYYY-MM-DD（例: 2026-12-28）で書いてください")       \
    X(DATE_DUP, "date `%1` is listed twice", "日付 `%1` が 2 回書かれています")                \
    X(URL_NOT_URL, "`%1` is not a web address: it must start with https://",                   \
      "`%1` はウェブアドレスではありません。https:// で始めてください")                        \
    X(URL_HTTPS, "scheme must be https", "https:// で始まるアドレスにしてください")            \
    X(URL_HTTP, "must start with http:// or https://",                                         \
      "http:// か https:// で始まるアドレスにしてください")                                    \
    X(URL_NO_HOST, "has no host name after ://", ":// の後にホスト名がありません")             \
    X(URL_BAD_HOST, "`%1` is not a valid host name", "`%1` は正しいホスト名ではありません")    \
    X(URL_BAD_PORT, "`%1` is not a valid port number", "`%1` は正しいポート番号ではありません") \
    X(URL_SPACE, "must not contain spaces or control characters (write a space as %%20)",      \
      "空白や制御文字を含めないでください（空白は %%20 と書きます）")                          \
    X(URL_USERINFO, "must not contain a user name or password (`...@`)",                       \
      "ユーザー名やパスワード（`...@`）を含めないでください")                                  \
    X(URL_HOST_NOT_ALLOWED, "host `%1` is not in call.allowed_hosts",                          \
      "ホスト `%1` が call.allowed_hosts にありません")                                        \
    X(URL_IP_NOT_ALLOWED, "host `%1` is an IP address that is not listed in call.allowed_hosts", \
      "ホスト `%1` は call.allowed_hosts にない IP アドレスです")                               \
    X(URL_REFUSED, "the kiosk would refuse to open this address: %1",                          \
      "このアドレスはキオスクが開けません: %1")                                                  \
    X(URL_SESSION_TWICE, "`{session}` may appear only once",                                   \
      "`{session}` は 1 回だけ書けます")                                                       \
    X(URL_PLACEHOLDER, "unknown placeholder `%1`; only {session} is allowed here",             \
      "`%1` は使えません。ここで使える置き換えは {session} だけです")                          \
    X(URL_SESSION_HOST, "`{session}` must not be in the host name",                            \
      "`{session}` はホスト名の部分には書けません")                                            \
    X(LAUNCHER_PLACEHOLDER, "unknown placeholder `%1`; use {url}, {profile}, {x}, {y}, {w} or {h}", \
      "`%1` は使えません。{url}・{profile}・{x}・{y}・{w}・{h} を使ってください")              \
    X(LAUNCHER_NO_URL, "no argument contains {url}, so the browser is not given the call address", \
      "どの引数にも {url} がないため、ブラウザに通話のアドレスが渡されません")                 \
    X(HOST_PATTERN, "`%1` is not a host name: write meet.example.jp or *.example.jp",          \
      "`%1` はホスト名ではありません。meet.example.jp や *.example.jp の形で書いてください")   \
    X(HOSTS_NEEDED, "call.allowed_hosts is required because %1 has a video call",              \
      "%1 にビデオ通話があるため call.allowed_hosts が必要です")                               \
    X(FILE_MISSING, "file `%1` not found", "ファイル `%1` が見つかりません")                   \
    X(IMAGE_BAD, "`%1` is not a readable PNG image (%2)",                                      \
      "`%1` は読み込める PNG 画像ではありません（%2）")                                        \
    X(FONT_MISSING, "font `%1` not found in %2 nor in the system font folders",                \
      "フォント `%1` が %2 にもシステムのフォントフォルダーにも見つかりません")                \
    X(MUNI_UNKNOWN, "`%1` is not the id of a municipality in municipalities[]",                \
      "`%1` は municipalities[] にある市町村の id ではありません")                             \
    X(KPI_POINT_EMPTY, "needs a `value` or a `note`", "`value` か `note` が必要です")          \
    X(PATH_TOO_LONG, "the path is too long", "パスが長すぎます")                               \
    X(URL_NOTIFY_HTTP, "notify_url must start with https:// (http only to this machine, "     \
      "127.0.0.1 or localhost): call events must not travel unencrypted",                     \
      "notify_url は https:// で始めてください（http はこの機械 127.0.0.1・localhost のみ）")   \
    X(RECORDS_IS_CONFIG, "`%1` is this config file: the kiosk would write into it",           \
      "`%1` はこの設定ファイルです。記録が設定ファイルに書き込まれてしまいます")             \
    X(RECORDS_SAME, "`%1` is also kiosk.stats_path: records and metrics need files of "       \
      "their own", "`%1` は kiosk.stats_path と同じファイルです。別々のファイルにしてください") \
    X(METRICS_TMP, "`%1` is written to `%1.tmp` first and renamed over, and that file is "   \
      "`%2`: give the metrics another name",                                                     \
      "`%1` は `%1.tmp` に書いてから置き換えますが、そのファイルは `%2` です。別の名前に"        \
      "してください")                                                                          \
    X(RECORDS_IN_DATA, "`%1` is inside the kiosk's data folder %2, which an update replaces: "  \
      "keep records in a folder of their own (installed: /var/lib/" KIOSK_PACKAGE "/)",        \
      "`%1` はキオスクのデータフォルダー %2 の中です（更新で置き換わります）。記録は別の"     \
      "フォルダーに置いてください（インストール時は /var/lib/" KIOSK_PACKAGE "/）")            \
    X(PATH_ESCAPES, "`%1` leaves the folder `%2` with `..`: name a file inside it, or give "  \
      "an absolute path", "`%1` は `..` でフォルダー `%2` の外に出ています。中のファイルを"  \
      "書くか、絶対パスにしてください")                                                        \
    X(FOLDER_MISSING, "folder `%1` does not exist, so records cannot be written",              \
      "フォルダー `%1` がないため記録を書き込めません")                                       \
    X(RECORDS_NOT_FILE, "`%1` is %2, not a file the kiosk can write: name a file, e.g. `%3`", \
      "`%1` は%2で、書き込めるファイルではありません。`%3` のようにファイル名を書いてください") \
    X(FLEET_CERT_PAIR, "client_cert and client_key go together: give both or neither",        \
      "client_cert と client_key は両方書くか、どちらも書かないでください")                   \
    X(REMOTE_LOCAL_ONLY,                                                                       \
      "`%1` may be set only in the kiosk's own config file: the whole remote document is refused", \
      "`%1` は端末の設定ファイルでしか設定できません。リモートの文書全体を拒否しました")      \
    X(REMOTE_IGNORED, "the kiosk's own `%1` section is used; this one is ignored",            \
      "端末の設定ファイルの `%1` を使います。この部分は無視されます")

#define CONFIG_MSG_ENUM_ITEM(name, en, ja) CONFIG_MSG_##name,
enum config_msg { CONFIG_MSGS(CONFIG_MSG_ENUM_ITEM) CONFIG_MSG_COUNT };
#undef CONFIG_MSG_ENUM_ITEM

/* Adds one problem (a1..a3 may be NULL). Past CONFIG_DIAG_CAP entries it
 * only counts. diags may be NULL. Out of memory: counted, not stored. */
void config_diags_add(struct config_diags *diags, enum config_severity sev, int line, int col,
                      const char *path, enum config_msg msg, const char *a1, const char *a2,
                      const char *a3);
/* The English template of a kind (for tests and documentation). Static. */
const char *config_diags_template(enum config_msg msg);
#endif

/* The kiosk's own UI strings: one row per key of I18N_KEYS (i18n.h), one
 * column per language. Pure: no SDL, no I/O.
 *
 * Readers: a standing visitor, often elderly, often here for the first time,
 * sometimes not reading Japanese. Keep every string short, plain and polite
 * (です/ます in ja); ja-easy is やさしい日本語: short sentences, common words,
 * mostly hiragana, words separated by spaces.
 *
 * Placeholders are printf-style and documented per key below. Every language
 * must carry exactly the documented ones, in the documented order (the unit
 * test tests/unit/test_i18n.c checks this). Keys without a note take none:
 * do not put a bare '%' in those (write "%%" if ever needed).
 *
 * To add a language: add it to UI_LANGS and a column to ROW, then fill that
 * column in every row; i18n_ui_complete() reports gaps. */
#include "i18n.h"

#include <stddef.h>
#include <string.h>

/* The built-in languages, in display order: column, code, endonym. */
#define UI_LANGS(X)                                                                       \
    X(L_JA, "ja", "日本語")                                                               \
    X(L_EN, "en", "English")                                                              \
    X(L_ZH_HANT, "zh-Hant", "繁體中文")                                                   \
    X(L_ZH_HANS, "zh-Hans", "简体中文")                                                   \
    X(L_KO, "ko", "한국어")                                                               \
    X(L_JA_EASY, "ja-easy", "やさしい にほんご")

#define UI_LANG_ENUM(id, code, endonym) id,
enum ui_lang { UI_LANGS(UI_LANG_ENUM) UI_LANG_COUNT };
#undef UI_LANG_ENUM

#define UI_LANG_CODE(id, code, endonym) [id] = code,
static const char *const ui_codes[UI_LANG_COUNT + 1] = {UI_LANGS(UI_LANG_CODE) NULL};
#undef UI_LANG_CODE

#define UI_LANG_ENDONYM(id, code, endonym) [id] = endonym,
static const char *const ui_endonyms[UI_LANG_COUNT] = {UI_LANGS(UI_LANG_ENDONYM)};
#undef UI_LANG_ENDONYM

#define I18N_NAME_ITEM(name) [I18N_##name] = #name,
static const char *const ui_key_names[I18N_KEY_COUNT] = {I18N_KEYS(I18N_NAME_ITEM)};
#undef I18N_NAME_ITEM

/* Columns: ja, en, zh-Hant, zh-Hans, ko, ja-easy. */
#define ROW(key, ja, en, zht, zhs, ko, easy)                                              \
    [I18N_##key] = {[L_JA] = ja, [L_EN] = en, [L_ZH_HANT] = zht, [L_ZH_HANS] = zhs,    \
                    [L_KO] = ko, [L_JA_EASY] = easy}

static const char *const ui_table[I18N_KEY_COUNT][UI_LANG_COUNT] = {
    /* Home screen: the call to action under the title. */
    ROW(TOUCH_TO_START, "画面にタッチしてください", "Touch the screen to start",
        "請觸碰螢幕開始", "请触摸屏幕开始", "화면을 터치하여 시작하세요",
        "がめんに さわって ください"),
    /* Button / heading: the municipality tiles. */
    ROW(MUNICIPALITIES, "市町村", "Municipalities", "市町村", "市町村", "시정촌", "まち"),
    /* Prompt above the municipality tiles. */
    ROW(CHOOSE_MUNICIPALITY, "相談したい市町村を選んでください", "Choose a municipality",
        "請選擇要諮詢的市町村", "请选择要咨询的市町村", "상담할 시정촌을 선택하세요",
        "そうだん したい まちを えらんで ください"),
    /* Button / heading: the area's joint services. */
    ROW(REGIONAL_SERVICES, "さっぽろ圏の連携サービス", "Regional services",
        "札幌圈合作服務", "札幌圈合作服务", "삿포로권 연계 서비스",
        "まちが いっしょに する サービス"),
    /* Button / heading: the area vision KPI chart. */
    ROW(AREA_VISION, "圏域ビジョンの目標", "Area vision goals", "都市圈願景目標",
        "都市圈愿景目标", "도시권 비전 목표", "この ちいきの もくひょう"),
    ROW(BACK, "戻る", "Back", "返回", "返回", "뒤로", "もどる"),
    /* Button: back to the home (attract) screen. */
    ROW(HOME, "はじめの画面へ", "Home", "回到首頁", "回到首页", "처음으로",
        "はじめに もどる"),
    /* The big button on a municipality's page. */
    ROW(START_CALL, "ビデオ通話を始める", "Start video call", "開始視訊通話", "开始视频通话",
        "영상 통화 시작", "ビデオで はなす"),
    ROW(CANCEL, "やめる", "Cancel", "取消", "取消", "취소", "やめる"),
    ROW(END_CALL, "通話を終える", "End call", "結束通話", "结束通话", "통화 종료",
        "はなしを おわる"),
    /* Shown while the call is being set up (with CANCEL). */
    ROW(CONNECTING, "つないでいます。少しお待ちください", "Connecting… please wait",
        "正在連線，請稍候", "正在连接，请稍候", "연결 중입니다. 잠시 기다려 주세요",
        "つないで います。まって ください"),
    /* Title of the in-call screen (no launcher: the kiosk stays behind). */
    ROW(IN_CALL, "通話中です", "In a call", "通話中", "通话中", "통화 중입니다",
        "はなして います"),
    /* Title of the screen after a call. */
    ROW(THANK_YOU, "ご利用ありがとうございました", "Thank you", "感謝您的使用", "感谢您的使用",
        "이용해 주셔서 감사합니다", "ありがとう ございました"),
    /* Body of the screen after a call. */
    ROW(THANK_YOU_BODY, "お忘れ物がないか、ご確認ください。", "Please take your belongings with you.",
        "請別忘了您的隨身物品。", "请别忘了您的随身物品。", "두고 가시는 물건이 없는지 확인해 주세요.",
        "わすれものが ないか、みて ください。"),
    /* The call could not be started or dropped at once. */
    ROW(CALL_FAILED, "つながりませんでした。もう一度お試しいただくか、職員にお声がけください。",
        "The call could not be connected. Please try again or ask a staff member.",
        "無法接通。請再試一次，或洽詢工作人員。", "无法接通。请再试一次，或咨询工作人员。",
        "연결되지 않았습니다. 다시 시도하거나 직원에게 문의해 주세요.",
        "つながりませんでした。もう いちど して ください。または、しょくいんに きいて ください。"),
    /* The configured call URL was refused (not https / host not allowed). */
    ROW(CALL_REFUSED, "設定の問題で、この通話は始められません。職員にお声がけください。",
        "This call cannot be started because of a settings problem. Please ask a staff member.",
        "因設定問題，無法開始此通話。請洽詢工作人員。", "因设置问题，无法开始此通话。请咨询工作人员。",
        "설정 문제로 이 통화를 시작할 수 없습니다. 직원에게 문의해 주세요.",
        "この つうわは いま つかえません。しょくいんに きいて ください。"),
    /* Tile / page status badges. */
    ROW(AVAILABLE, "いま相談できます", "Available now", "現在可以諮詢", "现在可以咨询",
        "지금 상담 가능", "いま そうだん できます"),
    ROW(BUSY, "ただいま対応中です", "Busy", "忙線中", "忙碌中", "상담 중", "いま こんで います"),
    /* The clerk's status could not be read: a call may still work. */
    ROW(STATUS_UNKNOWN, "つながるか分かりません", "May be available", "不確定能否接通",
        "不确定能否接通", "연결 가능 여부를 알 수 없습니다", "つながるか わかりません"),
    ROW(CLOSED, "受付時間外です", "Closed", "非服務時間", "非服务时间", "운영 시간이 아닙니다",
        "いまは やすみです"),
    /* A municipality without a remote counter. */
    ROW(INFO_ONLY, "情報のみ（ビデオ相談なし）", "Information only", "僅提供資訊", "仅提供信息",
        "정보만 제공", "おしらせ だけ です"),
    /* %s = today's closing time, e.g. "17:30". */
    ROW(OPEN_UNTIL, "%sまで受付", "Open until %s", "受理至 %s", "受理至 %s", "%s까지 접수",
        "%sまで そうだん できます"),
    /* %s %s = weekday, then opening time: e.g. "月曜日" "8:45". The weekday is
     * a WEEKDAY_* string, a date "1/4" when more than a week ahead, or "" for
     * later today (the caller then drops the space next to it). Keep this
     * order in every language. */
    ROW(OPENS_AT, "受付時間外・次は%s %sから", "Closed · opens %s %s",
        "非服務時間・下次 %s %s 開始", "非服务时间・下次 %s %s 开始",
        "운영 시간 외・다음 %s %s부터", "いまは やすみ・つぎは %s %sから"),
    /* %s = name of today's holiday, e.g. "元日" / "New Year's Day". */
    ROW(CLOSED_TODAY, "本日は休みです（%s）", "Closed today (%s)", "今日休息（%s）", "今日休息（%s）",
        "오늘은 휴무입니다 (%s)", "きょうは やすみです（%s）"),
    /* %d = expected wait in minutes. */
    ROW(WAIT_MINUTES, "待ち時間 約%d分", "Wait: about %d min", "約需等候 %d 分鐘",
        "约需等候 %d 分钟", "대기 시간 약 %d분", "まつ じかん：だいたい %d分"),
    ROW(OPENING_HOURS, "受付時間", "Opening hours", "服務時間", "服务时间", "운영 시간",
        "そうだん できる じかん"),
    /* Heading of a municipality's list of consultations. */
    ROW(SERVICES_BY_VIDEO, "ビデオで相談できること", "Consultations by video",
        "可透過視訊諮詢的項目", "可通过视频咨询的事项", "영상으로 상담할 수 있는 내용",
        "ビデオで そうだん できる こと"),
    /* Caption of the website QR code. */
    ROW(WEBSITE_QR, "公式ホームページ", "Official website", "官方網站", "官方网站", "공식 웹사이트",
        "ホームページ"),
    ROW(SCAN_TO_OPEN, "スマートフォンで読み取ってください", "Scan with your phone",
        "請用手機掃描", "请用手机扫描", "휴대폰으로 스캔하세요", "スマホで よみとって ください"),
    /* Idle warning before the reset to home. */
    ROW(STILL_THERE, "まだご利用ですか？", "Still there?", "您還在使用嗎？", "您还在使用吗？",
        "아직 이용 중이신가요?", "まだ つかいますか？"),
    ROW(CONTINUE, "続ける", "Continue", "繼續", "继续", "계속", "つづける"),
    /* %d = seconds left before the kiosk returns to the home screen. */
    ROW(RESET_IN, "%d秒後にはじめの画面に戻ります", "Returning to the start in %d s",
        "%d 秒後返回首頁", "%d 秒后返回首页", "%d초 후 처음 화면으로 돌아갑니다",
        "%dびょうで はじめの がめんに もどります"),
    /* Accessibility toggles. */
    ROW(HIGH_CONTRAST, "くっきり表示", "High contrast", "高對比", "高对比度", "고대비",
        "くっきり みせる"),
    ROW(LARGE_TEXT, "文字を大きく", "Larger text", "放大文字", "放大文字", "큰 글씨",
        "じを おおきく"),
    /* Voice guidance: the control, and what is said after each screen's title. */
    ROW(VOICE_GUIDANCE, "音声案内", "Voice guidance", "語音導覽", "语音导览", "음성 안내",
        "こえで あんない"),
    ROW(VOICE_HINT, "矢印キーで選び、決定キーで進みます。画面に触れると読み上げ、もう一度触れると選びます。",
        "Arrow keys move, Enter chooses. Touch a button to hear it, touch it again to choose it.",
        "用方向鍵選擇，按確認鍵進入。觸碰按鈕會朗讀，再觸碰一次即選擇。",
        "用方向键选择，按确认键进入。触碰按钮会朗读，再触碰一次即选择。",
        "화살표 키로 고르고 확인 키로 진행합니다. 버튼을 누르면 읽어 주고, 한 번 더 누르면 선택됩니다.",
        "やじるしの キーで えらんで、けっていの キーで すすみます。ボタンに さわると よみあげ、もう いちど さわると えらびます。"),
    /* Said now and then by the attract loop (kiosk.voice_hint_cycles). */
    ROW(VOICE_ATTRACT, "音声案内を使うときは、ヘルプキーを押すか、画面を3秒間押し続けてください。",
        "For voice guidance, press the help key, or touch and hold the screen for three seconds.",
        "需要語音導覽時，請按說明鍵，或按住螢幕三秒。",
        "需要语音导览时，请按帮助键，或按住屏幕三秒。",
        "음성 안내가 필요하면 도움말 키를 누르거나 화면을 3초 동안 누르고 계세요.",
        "こえで あんないして ほしい ときは、ヘルプの キーを おすか、がめんを 3びょう おしつづけて ください。"),
    /* A toggle's new state, said after its name in voice guidance. */
    ROW(STATE_ON, "オン", "on", "開", "开", "켜짐", "オン"),
    ROW(STATE_OFF, "オフ", "off", "關", "关", "꺼짐", "オフ"),
    /* Camera or microphone missing / not working. */
    ROW(ASK_STAFF_DEVICE, "カメラまたはマイクの準備ができていません。職員にお声がけください。",
        "The camera or microphone is not ready. Please ask a staff member.",
        "攝影機或麥克風尚未就緒。請洽詢工作人員。", "摄像头或麦克风尚未就绪。请咨询工作人员。",
        "카메라 또는 마이크가 준비되지 않았습니다. 직원에게 문의해 주세요.",
        "カメラか マイクが つかえません。しょくいんに きいて ください。"),
    /* Heading of a regional service's list of municipalities (taking part,
     * holding events, or selected: the body text says which). */
    ROW(MUNICIPALITIES_USING, "関係する市町村", "Municipalities involved", "相關市町村",
        "相关市町村", "관련 시정촌", "かんけいする まち"),
    /* KPI chart legend. */
    ROW(KPI_BASELINE, "基準値", "Baseline", "基準值", "基准值", "기준치", "はじめの かず"),
    ROW(KPI_ACTUAL, "実績値", "Actual", "實際值", "实际值", "실적치", "けっかの かず"),
    ROW(KPI_TARGET, "目標値", "Target", "目標值", "目标值", "목표치", "もくひょうの かず"),
    ROW(KPI_VISION1, "第1期ビジョン", "1st vision", "第1期願景", "第1期愿景", "제1기 비전",
        "1かいめの けいかく"),
    ROW(KPI_VISION2, "第2期ビジョン", "2nd vision", "第2期願景", "第2期愿景", "제2기 비전",
        "2かいめの けいかく"),
    /* Admin screen (staff only). */
    ROW(ADMIN, "管理", "Admin", "管理", "管理", "관리", "かんり（しょくいん よう）"),
    ROW(ENTER_PIN, "暗証番号を入力してください", "Enter PIN", "請輸入密碼", "请输入密码",
        "PIN을 입력하세요", "ばんごうを いれて ください"),
    ROW(WRONG_PIN, "暗証番号が違います", "Wrong PIN", "密碼錯誤", "密码错误",
        "PIN이 올바르지 않습니다", "ばんごうが ちがいます"),
    ROW(RELOAD_CONFIG, "設定を読み込み直す", "Reload config", "重新載入設定", "重新加载配置",
        "설정 다시 불러오기", "せっていを よみなおす"),
    ROW(TEST_CALL, "テスト通話", "Test call", "測試通話", "测试通话", "테스트 통화",
        "ためしに つなぐ"),
    ROW(QUIT, "終了", "Quit", "結束程式", "退出程序", "종료", "おわる"),
    ROW(QUIT_CONFIRM, "もう一度押すと終了", "Tap again to quit", "再按一次結束", "再按一次退出",
        "한 번 더 누르면 종료", "もういちど おすと おわる"),
    /* %s = call duration so far, e.g. "3:07". */
    ROW(ELAPSED, "通話時間 %s", "Elapsed %s", "通話時間 %s", "通话时长 %s", "경과 시간 %s",
        "はなした じかん %s"),
    /* After CLOSED_TODAY on a holiday or in the year-end closure: %s %s =
     * day and time as in OPENS_AT. */
    ROW(REOPENS, "次は%s %sから", "opens %s %s", "下次 %s %s 開始", "下次 %s %s 开始",
        "다음 %s %s부터", "つぎは %s %sから"),
    /* The next opening's day when it is tomorrow (first argument of OPENS_AT). */
    ROW(TOMORROW, "明日", "tomorrow", "明天", "明天", "내일", "あした"),
    /* Hours card: the rows for national holidays and the year-end closure. */
    ROW(HOLIDAYS, "祝日", "Holidays", "國定假日", "法定节假日", "공휴일", "やすみの ひ"),
    ROW(YEAR_END_DAYS, "12月29日〜1月3日", "29 Dec–3 Jan", "12月29日〜1月3日", "12月29日〜1月3日",
        "12월 29일~1월 3일", "12がつ 29にち〜1がつ 3にち"),
    /* %s = the town hall's phone number, e.g. "0133-23-2330". */
    ROW(PHONE, "電話 %s", "Phone %s", "電話 %s", "电话 %s", "전화 %s", "でんわ %s"),
    /* Caption of the contact page QR code. */
    ROW(CONTACT_QR, "問い合わせページ", "Contact page", "聯絡頁面", "联系页面", "문의 페이지",
        "といあわせ ページ"),
    /* Above the phone number and QR code when no call can be made now. */
    ROW(OTHER_WAYS, "お電話やホームページでも相談できます", "You can also phone or write to the town hall",
        "也可以透過電話或網站諮詢", "也可以通过电话或网站咨询", "전화나 홈페이지로도 상담할 수 있습니다",
        "でんわや ホームページでも そうだん できます"),
    /* Tile and pill: the kiosk's camera or microphone is missing. */
    ROW(NO_DEVICE, "カメラが使えません", "Camera not ready", "攝影機無法使用", "摄像头无法使用",
        "카메라를 사용할 수 없습니다", "カメラが つかえません"),
    /* Home: the primary button, to the towns that take video calls. */
    ROW(VIDEO_CONSULT, "職員とビデオで相談する", "Talk to a clerk by video", "與職員視訊諮詢",
        "与职员视频咨询", "직원과 영상으로 상담하기", "しょくいんと ビデオで はなす"),
    /* Municipalities screen: the headings of the two groups. */
    ROW(VIDEO_TOWNS, "ビデオで相談できる市町村", "Talk by video with", "可視訊諮詢的市町村",
        "可视频咨询的市町村", "영상 상담이 가능한 시정촌", "ビデオで そうだん できる まち"),
    ROW(INFO_TOWNS, "情報のみの市町村", "Information only", "僅提供資訊的市町村", "仅提供信息的市町村",
        "정보만 제공하는 시정촌", "おしらせ だけの まち"),
    /* Call failed: the buttons. */
    ROW(TRY_AGAIN, "もう一度つなぐ", "Try again", "再試一次", "再试一次", "다시 시도", "もう いちど"),
    ROW(ASK_COUNTER, "受付の職員にお声がけください", "Ask the staff at the counter",
        "請洽詢櫃檯的工作人員", "请咨询柜台的工作人员", "창구 직원에게 문의해 주세요",
        "うけつけの しょくいんに きいて ください"),
    /* Busy: the button to wait for the clerk on this page. */
    ROW(WAIT_FOR_CLERK, "空くまで待つ", "Wait for the clerk", "等候職員", "等候职员",
        "기다리기", "まつ"),
    /* %s = the clerk's estimate counting down, e.g. "12:05". */
    ROW(WAITING, "お待ちください・あと約%s", "Waiting · about %s left", "請稍候・約剩 %s",
        "请稍候・约剩 %s", "기다리는 중・약 %s 남음", "まって ください・あと %s"),
    /* Calling: what happens next and where to look. */
    ROW(CONNECTING_HELP, "このあと職員が画面に映ります。カメラは画面の上にあります。",
        "A clerk will appear on this screen. The camera is at the top of the screen.",
        "職員稍後會出現在畫面上。攝影機在畫面上方。", "职员稍后会出现在屏幕上。摄像头在屏幕上方。",
        "곧 화면에 직원이 나타납니다. 카메라는 화면 위쪽에 있습니다.",
        "このあと しょくいんが がめんに でます。カメラは がめんの うえに あります。"),
    ROW(LANGUAGE, "言語", "Language", "語言", "语言", "언어", "ことば"),
    /* Weekday names, used alone and as the first argument of OPENS_AT. */
    ROW(WEEKDAY_SUN, "日曜日", "Sun", "星期日", "星期日", "일요일", "にちようび"),
    ROW(WEEKDAY_MON, "月曜日", "Mon", "星期一", "星期一", "월요일", "げつようび"),
    ROW(WEEKDAY_TUE, "火曜日", "Tue", "星期二", "星期二", "화요일", "かようび"),
    ROW(WEEKDAY_WED, "水曜日", "Wed", "星期三", "星期三", "수요일", "すいようび"),
    ROW(WEEKDAY_THU, "木曜日", "Thu", "星期四", "星期四", "목요일", "もくようび"),
    ROW(WEEKDAY_FRI, "金曜日", "Fri", "星期五", "星期五", "금요일", "きんようび"),
    ROW(WEEKDAY_SAT, "土曜日", "Sat", "星期六", "星期六", "토요일", "どようび"),
    /* Home: heading of the attract card's welcome page. */
    ROW(WELCOME, "ようこそ", "Welcome", "歡迎", "欢迎", "환영합니다", "ようこそ"),
    /* A regional service without a web address: where to ask instead. */
    ROW(ASK_MUNICIPALITY, "くわしくは、関係する市町村におたずねください。",
        "For details, please ask one of the municipalities involved.",
        "詳情請洽詢相關市町村。", "详情请咨询相关市町村。",
        "자세한 내용은 관련 시정촌에 문의해 주세요.",
        "くわしくは、かんけいする まちに きいて ください。"),
    /* A municipality without a remote counter, on its page. */
    ROW(NO_VIDEO, "この市町村とはビデオ相談ができません。公式ホームページをご覧ください。",
        "Video consultation is not available for this municipality. Please see its website.",
        "此市町村不提供視訊諮詢。請瀏覽官方網站。", "此市町村不提供视频咨询。请浏览官方网站。",
        "이 시정촌은 영상 상담을 하지 않습니다. 공식 웹사이트를 확인해 주세요.",
        "この まちとは ビデオで そうだん できません。ホームページを みて ください。"),
    /* KPI card: put before the KPI's unit ("単位：千人", "Unit: thousand
     * people"); keeps its separator, takes no placeholder. */
    ROW(KPI_UNIT, "単位：", "Unit: ", "單位：", "单位：", "단위: ", "たんい："),
    /* KPI screen: heading of the colour legend. */
};
#undef ROW

static int ui_lang_index(const char *lang)
{
    for (int i = 0; lang && i < UI_LANG_COUNT; i++)
        if (strcmp(lang, ui_codes[i]) == 0)
            return i;
    return -1;
}

static const char *ui_cell(int key, int lang)
{
    const char *s = ui_table[key][lang];
    return s && s[0] ? s : NULL;
}

const char *i18n_ui(enum i18n_key key, const char *lang)
{
    if ((int)key < 0 || (int)key >= I18N_KEY_COUNT)
        return "";
    int li = ui_lang_index(lang);
    const char *s = li >= 0 ? ui_cell((int)key, li) : NULL;
    if (!s)
        s = ui_cell((int)key, L_EN);
    if (!s)
        s = ui_cell((int)key, L_JA);
    return s ? s : "";
}

const char *i18n_key_name(enum i18n_key key)
{
    if ((int)key < 0 || (int)key >= I18N_KEY_COUNT || !ui_key_names[key])
        return "?";
    return ui_key_names[key];
}

const char *const *i18n_ui_languages(void) { return ui_codes; }

const char *i18n_endonym(const char *lang)
{
    int li = ui_lang_index(lang);
    if (li >= 0)
        return ui_endonyms[li];
    return lang ? lang : "";
}

int i18n_ui_complete(const char *lang)
{
    int li = ui_lang_index(lang);
    if (li < 0)
        return 0;
    for (int k = 0; k < I18N_KEY_COUNT; k++)
        if (!ui_cell(k, li))
            return 0;
    return 1;
}

#ifndef KIOSK_I18N_H
#define KIOSK_I18N_H
/* Localized texts and the kiosk's own UI strings. Pure: no SDL, no I/O. */

#include <stddef.h>

#define I18N_LANG_MAX 16 /* longest language code + NUL, e.g. "zh-Hant" */

/* One localized text from the config: either one string for every
 * language (lang "" ) or one entry per language code. */
struct ltext_entry {
    char lang[I18N_LANG_MAX];
    char *text; /* owned, UTF-8 */
};
struct ltext {
    int n;
    struct ltext_entry *e; /* owned array */
};

/* The text for lang, else for fallback_lang, else the all-languages form,
 * else the first entry, else "". Never NULL; points into t. */
const char *ltext_get(const struct ltext *t, const char *lang, const char *fallback_lang);
/* 1 if t has an entry for exactly lang (or an all-languages string). */
int ltext_has(const struct ltext *t, const char *lang);
void ltext_free(struct ltext *t);
/* Deep copy; returns 0 on success. */
int ltext_copy(struct ltext *dst, const struct ltext *src);
/* Adds (lang, text) to t, copying text; returns 0 on success. */
int ltext_add(struct ltext *t, const char *lang, const char *text);

/* The kiosk's own UI strings. Add a key here and a row in i18n_strings.c. */
#define I18N_KEYS(X)                                                                    \
    X(TOUCH_TO_START)                                                                   \
    X(MUNICIPALITIES)                                                                   \
    X(CHOOSE_MUNICIPALITY)                                                              \
    X(REGIONAL_SERVICES)                                                                \
    X(AREA_VISION)                                                                      \
    X(BACK)                                                                             \
    X(HOME)                                                                             \
    X(START_CALL)                                                                       \
    X(CANCEL)                                                                           \
    X(END_CALL)                                                                         \
    X(CONNECTING)                                                                       \
    X(IN_CALL)                                                                          \
    X(THANK_YOU)                                                                        \
    X(THANK_YOU_BODY)                                                                   \
    X(CALL_FAILED)                                                                      \
    X(CALL_REFUSED)                                                                     \
    X(AVAILABLE)                                                                        \
    X(BUSY)                                                                             \
    X(STATUS_UNKNOWN)                                                                   \
    X(CLOSED)                                                                           \
    X(INFO_ONLY)                                                                        \
    X(OPEN_UNTIL)                                                                       \
    X(OPENS_AT)                                                                         \
    X(CLOSED_TODAY)                                                                     \
    X(WAIT_MINUTES)                                                                     \
    X(OPENING_HOURS)                                                                    \
    X(SERVICES_BY_VIDEO)                                                                \
    X(WEBSITE_QR)                                                                       \
    X(SCAN_TO_OPEN)                                                                     \
    X(STILL_THERE)                                                                      \
    X(CONTINUE)                                                                         \
    X(RESET_IN)                                                                         \
    X(HIGH_CONTRAST)                                                                    \
    X(LARGE_TEXT)                                                                       \
    X(VOICE_GUIDANCE)                                                                   \
    X(VOICE_HINT)                                                                       \
    X(VOICE_ATTRACT)                                                                    \
    X(STATE_ON)                                                                         \
    X(STATE_OFF)                                                                        \
    X(ASK_STAFF_DEVICE)                                                                 \
    X(MUNICIPALITIES_USING)                                                             \
    X(KPI_BASELINE)                                                                     \
    X(KPI_ACTUAL)                                                                       \
    X(KPI_TARGET)                                                                       \
    X(KPI_VISION1)                                                                      \
    X(KPI_VISION2)                                                                      \
    X(ADMIN)                                                                            \
    X(ENTER_PIN)                                                                        \
    X(WRONG_PIN)                                                                        \
    X(RELOAD_CONFIG)                                                                    \
    X(TEST_CALL)                                                                        \
    X(QUIT)                                                                             \
    X(QUIT_CONFIRM)                                                                     \
    X(ELAPSED)                                                                          \
    X(REOPENS)                                                                 \
    X(TOMORROW)                                                                \
    X(HOLIDAYS)                                                                \
    X(YEAR_END_DAYS)                                                           \
    X(PHONE)                                                                   \
    X(CONTACT_QR)                                                              \
    X(OTHER_WAYS)                                                              \
    X(NO_DEVICE)                                                               \
    X(VIDEO_CONSULT)                                                           \
    X(VIDEO_TOWNS)                                                             \
    X(INFO_TOWNS)                                                              \
    X(TRY_AGAIN)                                                               \
    X(ASK_COUNTER)                                                             \
    X(WAIT_FOR_CLERK)                                                          \
    X(WAITING)                                                                 \
    X(CONNECTING_HELP)                                                         \
    X(LANGUAGE)                                                                         \
    X(WEEKDAY_SUN)                                                                      \
    X(WEEKDAY_MON)                                                                      \
    X(WEEKDAY_TUE)                                                                      \
    X(WEEKDAY_WED)                                                                      \
    X(WEEKDAY_THU)                                                                      \
    X(WEEKDAY_FRI)                                                                      \
    X(WEEKDAY_SAT)                                                                      \
    X(WELCOME)                                                                          \
    X(ASK_MUNICIPALITY)                                                                 \
    X(NO_VIDEO)                                                                         \
    X(KPI_UNIT)

#define I18N_ENUM_ITEM(name) I18N_##name,
enum i18n_key { I18N_KEYS(I18N_ENUM_ITEM) I18N_KEY_COUNT };
#undef I18N_ENUM_ITEM

/* A UI string for lang (falls back to "en", then "ja"). Static; never NULL.
 * Strings may contain printf-style %s / %d where documented in i18n_strings.c. */
const char *i18n_ui(enum i18n_key key, const char *lang);
/* Formats the UI string for key with the arguments its comment in
 * i18n_strings.c documents (%s, %d). Always NUL-terminates out. */
int i18n_format(char *out, size_t outsz, const char *lang, enum i18n_key key, ...);
/* The key's name, e.g. "START_CALL" (for tests and messages). */
const char *i18n_key_name(enum i18n_key key);
/* Languages the built-in UI strings cover, in display order; NULL-terminated. */
const char *const *i18n_ui_languages(void);
/* A language's name in itself ("日本語", "English", "한국어"); code if unknown. */
const char *i18n_endonym(const char *lang);
/* 1 if the built-in table has every key for lang. */
int i18n_ui_complete(const char *lang);
#endif

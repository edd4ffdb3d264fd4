/* Every key of config/kiosk.json, one row each, object by object. Rows are
 * read in order: languages come before the texts that are checked against
 * them. A range or a default lives here and nowhere else; the schema
 * (config/kiosk.schema.json) is held to these tables by
 * tests/unit/test_config_opt.c. */
#include <stddef.h>

#include "config_fields.h"

/* Row makers: S is the struct the table reads, F its field. */
#define ROW(key, T) .name = key, .type = CONFIG_OPT_##T
#define AT(S, F) .offset = offsetof(S, F)
#define STRING(S, key, F) {ROW(key, STRING), AT(S, F)}
#define TEXT(S, key, F, req) {ROW(key, LTEXT), AT(S, F), .required = req}
#define INT(S, key, F, lo, hi, d)                                                          \
    {ROW(key, INT), AT(S, F), .min = lo, .max = hi, .def = d, .has_def = 1}
#define DOUBLE(S, key, F, lo, hi, d)                                                       \
    {ROW(key, DOUBLE), AT(S, F), .min = lo, .max = hi, .def = d, .has_def = 1}
#define BOOL(S, key, F, d) {ROW(key, BOOL), AT(S, F), .def = d, .has_def = 1}
#define STRINGS(S, key, F, N, lo, hi)                                                      \
    {ROW(key, STRINGS), AT(S, F), .count_offset = offsetof(S, N), .min = lo, .max = hi}
#define OBJECT(S, key, F, table) {ROW(key, OBJECT), AT(S, F), .sub = &(table)}
#define LIST(S, key, F, N, E, table, lo, hi)                                               \
    {ROW(key, LIST), AT(S, F), .count_offset = offsetof(S, N), .elem_size = sizeof(E),     \
     .sub = &(table), .min = lo, .max = hi}
#define CUSTOM(key, fn, type) {ROW(key, CUSTOM), .read = fn, .json_type = type}
#define TABLE(what, rows, fin) {what, rows, CONFIG_OPT_N(rows), fin}

/* kiosk */
static const int config_tables_rotations[] = {0, 90, 180, 270};
#define K struct config_kiosk
static const struct config_opt config_tables_kiosk_rows[] = {
    {ROW("id", STRING), AT(K, id), .required = 1, .check = config_fields_id},
    {ROW("languages", CUSTOM), .read = config_fields_languages, .json_type = "array",
     .min = 1, .max = CONFIG_MAX_LANGS, .required = 1},
    CUSTOM("default_language", config_fields_default_language, "string"),
    TEXT(K, "title", title, 1),
    TEXT(K, "tagline", tagline, 0),
    INT(K, "idle_timeout_s", idle_timeout_s, 15, 3600, 90),
    INT(K, "voice_volume", voice_volume, 0, 100, 80),
    INT(K, "voice_hint_cycles", voice_hint_cycles, 0, 1000, 5),
    BOOL(K, "fullscreen", fullscreen, 1),
    DOUBLE(K, "display_inches", display_inches, 7, 100, 24),
    {ROW("rotation", INT), AT(K, rotation), .choices = config_tables_rotations,
     .n_choices = CONFIG_OPT_N(config_tables_rotations), .choice_msg = CONFIG_MSG_ROTATION,
     .def = 0, .has_def = 1},
    {ROW("admin_pin_sha256", STRING), AT(K, admin_pin_sha256), .check = config_fields_pin},
    CUSTOM("fonts", config_fields_fonts, "object"),
    STRING(K, "stats_path", stats_path),
    STRING(K, "metrics_path", metrics_path),
};
#undef K
static const struct config_opt_table config_tables_kiosk =
    TABLE("kiosk", config_tables_kiosk_rows, NULL);

/* call: how calls are opened, for every municipality */
#define C struct config_call
static const struct config_opt config_tables_call_rows[] = {
    {ROW("launcher", STRINGS), AT(C, launcher), .count_offset = offsetof(C, n_launcher),
     .min = 1, .max = 64, .check = config_fields_launcher},
    {ROW("allowed_hosts", STRINGS), AT(C, allowed_hosts),
     .count_offset = offsetof(C, n_allowed_hosts), .min = 0, .max = 64,
     .check = config_fields_hosts},
    INT(C, "max_minutes", max_minutes, 1, 240, 30),
    INT(C, "connect_timeout_s", connect_timeout_s, 1, 60, 5),
    INT(C, "poll_interval_s", poll_interval_s, 2, 3600, 15),
    BOOL(C, "require_devices", require_devices, 1),
};
#undef C
static const struct config_opt_table config_tables_call =
    TABLE("call", config_tables_call_rows, NULL);

/* fleet: where the rest of the config comes from (local only) */
#define FL struct config_fleet
static const struct config_opt config_tables_fleet_rows[] = {
    {ROW("config_url", STRING), AT(FL, config_url), .required = 1,
     .check = config_fields_fleet_url},
    STRING(FL, "ca_file", ca_file),
    STRING(FL, "client_cert", client_cert),
    STRING(FL, "client_key", client_key),
    STRING(FL, "state_dir", state_dir),
    INT(FL, "interval_s", interval_s, 2, 86400, 300),
    INT(FL, "timeout_s", timeout_s, 1, 300, 20),
};
#undef FL
static const struct config_opt_table config_tables_fleet =
    TABLE("fleet", config_tables_fleet_rows, config_fields_fleet);

/* municipalities[].hours: one row a weekday, 0 = Sunday */
#define DAY(key, d) {ROW(key, CUSTOM), .read = config_hours_day, .arg = d}
static const struct config_opt config_tables_hours_rows[] = {
    DAY("sun", 0), DAY("mon", 1), DAY("tue", 2), DAY("wed", 3),
    DAY("thu", 4), DAY("fri", 5), DAY("sat", 6),
};
#undef DAY
static const struct config_opt_table config_tables_hours =
    TABLE("hours", config_tables_hours_rows, NULL);

/* municipalities[].call */
#define MC struct config_muni_call
static const struct config_opt config_tables_muni_call_rows[] = {
    {ROW("url", STRING), AT(MC, url), .required = 1, .check = config_fields_call_url},
    {ROW("status_url", STRING), AT(MC, status_url), .check = config_fields_web_url},
    {ROW("notify_url", STRING), AT(MC, notify_url), .check = config_fields_notify_url},
};
#undef MC
static const struct config_opt_table config_tables_muni_call =
    TABLE("municipality call", config_tables_muni_call_rows, NULL);

/* municipalities[].contact */
#define CT struct config_muni_contact
static const struct config_opt config_tables_contact_rows[] = {
    {ROW("phone", STRING), AT(CT, phone), .check = config_fields_phone},
    {ROW("url", STRING), AT(CT, url), .check = config_fields_web_url},
};
#undef CT
static const struct config_opt_table config_tables_contact =
    TABLE("contact", config_tables_contact_rows, NULL);

/* municipalities[] */
#define M struct config_municipality
static const struct config_opt config_tables_muni_rows[] = {
    {ROW("id", STRING), AT(M, id), .required = 1, .check = config_fields_id},
    TEXT(M, "name", name, 1),
    TEXT(M, "reading", reading, 0),
    {ROW("color", COLOR), AT(M, color), .required = 1},
    STRING(M, "emblem", emblem),
    {ROW("website", STRING), AT(M, website), .check = config_fields_web_url},
    {ROW("services", CUSTOM), AT(M, services), .count_offset = offsetof(M, n_services),
     .read = config_fields_ltexts, .json_type = "array", .min = 0, .max = 32},
    {ROW("hours", OBJECT), AT(M, hours), .sub = &config_tables_hours, .has_flag = 1,
     .flag_offset = offsetof(M, has_hours)},
    {ROW("closed_dates", CUSTOM), AT(M, closed_dates),
     .count_offset = offsetof(M, n_closed_dates), .read = config_hours_dates,
     .json_type = "array", .min = 0, .max = 400},
    {ROW("call", OBJECT), AT(M, call), .sub = &config_tables_muni_call, .has_flag = 1,
     .flag_offset = offsetof(M, has_call)},
    {ROW("contact", OBJECT), AT(M, contact), .sub = &config_tables_contact, .has_flag = 1,
     .flag_offset = offsetof(M, has_contact)},
};
#undef M
static const struct config_opt_table config_tables_muni =
    TABLE("municipality", config_tables_muni_rows, NULL);

/* services[] */
#define SV struct config_service
static const struct config_opt config_tables_service_rows[] = {
    {ROW("id", STRING), AT(SV, id), .required = 1, .check = config_fields_id},
    TEXT(SV, "title", title, 1),
    TEXT(SV, "reading", reading, 0),
    TEXT(SV, "body", body, 1),
    TEXT(SV, "summary", summary, 0),
    {ROW("url", STRING), AT(SV, url), .check = config_fields_web_url},
    STRINGS(SV, "municipalities", municipalities, n_municipalities, 0, 64),
};
#undef SV
static const struct config_opt_table config_tables_service =
    TABLE("service", config_tables_service_rows, NULL);

/* kpis[].vision1.baseline and the other points */
#define P struct config_kpi_value
static const struct config_opt config_tables_point_rows[] = {
    {ROW("value", DOUBLE), AT(P, value), .min = -1e15, .max = 1e15, .has_flag = 1,
     .flag_offset = offsetof(P, has_value)},
    {ROW("year", INT), AT(P, year), .min = 1900, .max = 2100},
    TEXT(P, "note", note, 0),
};
#undef P
static const struct config_opt_table config_tables_point =
    TABLE("kpi point", config_tables_point_rows, config_fields_kpi_point);

/* kpis[].vision1 and vision2: their points are fields of struct config_kpi */
#define KP struct config_kpi
static const struct config_opt config_tables_v1_rows[] = {
    OBJECT(KP, "baseline", v1_baseline, config_tables_point),
    OBJECT(KP, "actual", v1_actual, config_tables_point),
    OBJECT(KP, "target", v1_target, config_tables_point),
};
static const struct config_opt_table config_tables_v1 =
    TABLE("vision1", config_tables_v1_rows, NULL);
static const struct config_opt config_tables_v2_rows[] = {
    OBJECT(KP, "baseline", v2_baseline, config_tables_point),
    OBJECT(KP, "target", v2_target, config_tables_point),
};
static const struct config_opt_table config_tables_v2 =
    TABLE("vision2", config_tables_v2_rows, NULL);

/* kpis[] */
static const struct config_opt config_tables_kpi_rows[] = {
    {ROW("id", STRING), AT(KP, id), .required = 1, .check = config_fields_id},
    TEXT(KP, "title", title, 1),
    TEXT(KP, "unit", unit, 0),
    {ROW("vision1", OBJECT), .sub = &config_tables_v1},
    {ROW("vision2", OBJECT), .sub = &config_tables_v2},
};
#undef KP
static const struct config_opt_table config_tables_kpi =
    TABLE("kpi", config_tables_kpi_rows, NULL);

/* the top of the file */
#define R struct config
static const struct config_opt config_tables_root_rows[] = {
    {ROW("$schema", IGNORE)},
    {ROW("kiosk", OBJECT), AT(R, kiosk), .sub = &config_tables_kiosk, .required = 1},
    OBJECT(R, "call", call, config_tables_call),
    OBJECT(R, "fleet", fleet, config_tables_fleet),
    {ROW("municipalities", LIST), AT(R, municipalities),
     .count_offset = offsetof(R, n_municipalities), .elem_size = sizeof(struct config_municipality),
     .sub = &config_tables_muni, .min = 1, .max = 64, .required = 1},
    LIST(R, "services", services, n_services, struct config_service, config_tables_service, 0,
         100),
    LIST(R, "kpis", kpis, n_kpis, struct config_kpi, config_tables_kpi, 0, 32),
};
#undef R
const struct config_opt_table config_tables_root = TABLE("", config_tables_root_rows, NULL);

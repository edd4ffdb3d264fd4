#ifndef KIOSK_CONFIG_FIELDS_H
#define KIOSK_CONFIG_FIELDS_H
/* The readers and checks that option table rows name, for values with more
 * to them than a type and a range. Internal to the config loader; each is a
 * config_opt_read_fn or config_opt_check_fn (config_opt.h). */
#include "config_opt.h"

/* config_fields.c */
void config_fields_id(struct config_ctx *ctx, const char *path, void *base,
                      const struct config_opt *row);
int config_fields_languages(struct config_ctx *ctx, const cJSON *it, const char *path,
                            void *base, const struct config_opt *row);
int config_fields_default_language(struct config_ctx *ctx, const cJSON *it, const char *path,
                                   void *base, const struct config_opt *row);
int config_fields_fonts(struct config_ctx *ctx, const cJSON *it, const char *path, void *base,
                        const struct config_opt *row);
void config_fields_pin(struct config_ctx *ctx, const char *path, void *base,
                       const struct config_opt *row);
void config_fields_hosts(struct config_ctx *ctx, const char *path, void *base,
                         const struct config_opt *row);
void config_fields_launcher(struct config_ctx *ctx, const char *path, void *base,
                            const struct config_opt *row);
void config_fields_call_url(struct config_ctx *ctx, const char *path, void *base,
                            const struct config_opt *row);
/* notify_url: https, or http to loopback only. */
void config_fields_notify_url(struct config_ctx *ctx, const char *path, void *base,
                              const struct config_opt *row);
void config_fields_web_url(struct config_ctx *ctx, const char *path, void *base,
                           const struct config_opt *row);
/* fleet.config_url: https (config_url.c). */
void config_fields_fleet_url(struct config_ctx *ctx, const char *path, void *base,
                             const struct config_opt *row);
/* fleet: a client certificate needs its key and the other way round. */
void config_fields_fleet(struct config_ctx *ctx, const cJSON *obj, const char *path, void *base);
/* A phone number as a visitor dials it: digits with `-`, spaces or
 * parentheses, an optional leading `+`, 6 to 15 digits. */
void config_fields_phone(struct config_ctx *ctx, const char *path, void *base,
                         const struct config_opt *row);
/* An array of localized texts (a municipality's services). */
int config_fields_ltexts(struct config_ctx *ctx, const cJSON *it, const char *path, void *base,
                         const struct config_opt *row);
/* A KPI point needs a value or a note. */
void config_fields_kpi_point(struct config_ctx *ctx, const cJSON *obj, const char *path,
                             void *base);

/* config_hours.c: one weekday of struct config_hours (row->arg: 0 = Sunday),
 * and an array of closed dates. */
int config_hours_day(struct config_ctx *ctx, const cJSON *it, const char *path, void *base,
                     const struct config_opt *row);
int config_hours_dates(struct config_ctx *ctx, const cJSON *it, const char *path, void *base,
                       const struct config_opt *row);
#endif

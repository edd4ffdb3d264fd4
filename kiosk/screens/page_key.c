/* What the page under "Still there?" shows, as one number: the warning
 * keeps a picture of the page (ui_layer) while this stays the same. */
#include <string.h>

#include "screen.h"

#define PAGE_KEY_BASIS 14695981039346656037ull /* FNV-1a, 64 bits */
#define PAGE_KEY_PRIME 1099511628211ull

static uint64_t page_key_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * PAGE_KEY_PRIME;
    return h;
}

static uint64_t page_key_int(uint64_t h, long long v)
{
    return page_key_bytes(h, &v, sizeof v);
}

static uint64_t page_key_str(uint64_t h, const char *s)
{
    h = page_key_int(h, s != NULL);
    return s ? page_key_bytes(h, s, strlen(s) + 1) : h;
}

/* A status as a resident sees it (status_info_equal's fields). */
static uint64_t page_key_status(uint64_t h, const struct status_info *s)
{
    h = page_key_int(h, s->state);
    h = page_key_int(h, s->wait_minutes);
    h = page_key_int(h, s->message.n);
    for (int i = 0; i < s->message.n; i++) {
        h = page_key_str(h, s->message.e[i].lang);
        h = page_key_str(h, s->message.e[i].text);
    }
    return h;
}

/* Pages that change by the second (a call's timer and dots, a clerk's wait
 * counting down, the admin's lock and counters, the attract loop). */
static int page_key_ticks(const struct app_state *st)
{
    switch (st->screen) {
    case APP_SCREEN_CALLING:
    case APP_SCREEN_IN_CALL:
    case APP_SCREEN_ADMIN_PIN:
    case APP_SCREEN_ADMIN:
        return 1;
    case APP_SCREEN_MUNICIPALITY:
        return st->wait_since != 0;
    default:
        return screen_attract(st);
    }
}

uint64_t screen_page_key(const struct ui *ui, const struct app_state *st)
{
    if (page_key_ticks(st))
        return 0;
    uint64_t h = PAGE_KEY_BASIS;
    /* The window and how it is drawn. */
    h = page_key_int(h, ui->L.w);
    h = page_key_int(h, ui->L.h);
    h = page_key_int(h, ui->rotation);
    h = page_key_int(h, ui->keys_used);
    /* The visit: everything in the state but its times. */
    h = page_key_bytes(h, &st->cfg, sizeof st->cfg);
    h = page_key_int(h, st->screen);
    h = page_key_int(h, st->back_to);
    h = page_key_int(h, st->muni);
    h = page_key_int(h, st->service);
    h = page_key_str(h, app_lang(st));
    h = page_key_int(h, st->high_contrast);
    h = page_key_int(h, st->large_text);
    h = page_key_int(h, st->fail_reason);
    h = page_key_int(h, st->config_waiting);
    h = page_key_int(h, st->visitor_active);
    h = page_key_int(h, st->voice);
    h = page_key_int(h, st->wait_muni);
    /* The world: the clock's minute (the header, opening hours), the towns'
     * status and the devices. */
    const struct ui_view *v = ui->view;
    if (v) {
        h = page_key_int(h, (long long)v->wall / 60);
        h = page_key_int(h, v->camera_ok);
        h = page_key_int(h, v->microphone_ok);
        h = page_key_int(h, v->devices_block_call);
        h = page_key_int(h, v->status != NULL);
        for (int i = 0; v->status && st->cfg && i < st->cfg->n_municipalities; i++)
            h = page_key_status(h, &v->status[i]);
    }
    return h ? h : 1; /* 0 means "never kept" */
}

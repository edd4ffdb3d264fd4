#include "voice.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "msg.h"
#include "screen.h"
#include "speech_text.h"
#include "speech_voices.h"
#include "utf8.h"

void voice_open(struct voice *v, void (*wake)(void *), void *ctx)
{
    memset(v, 0, sizeof *v);
    v->wake = wake;
    v->wake_ctx = ctx;
}

/* The speech worker and its engines, when voice mode is first used: a
 * kiosk nobody asks to speak never holds them. */
static void voice_start(struct voice *v)
{
    if (v->started)
        return;
    v->started = 1;
    struct speech_opts o = {.wake = v->wake, .ctx = v->wake_ctx};
    v->sp = speech_create(&o);
    if (!v->sp)
        msg_warn("voice guidance: the speech worker did not start");
    else if (!v->probed && speech_missing(v->sp))
        msg_warn("voice guidance: %s (keys and focus still work)", speech_missing(v->sp));
}

void voice_close(struct voice *v)
{
    if (v->dev) {
        SDL_CloseAudioDevice(v->dev);
        SDL_QuitSubSystem(SDL_INIT_AUDIO); /* voice_device's init (SDL counts them) */
    }
    speech_destroy(v->sp);
    memset(v, 0, sizeof *v);
}

void voice_probe(struct voice *v, const struct config *cfg)
{
    struct speech_paths p = speech_paths_pick(NULL, NULL, NULL); /* as voice_start's worker */
    int none = speech_voices_missing(&p, cfg->kiosk.languages,
                                     cfg->kiosk.n_languages, v->missing, sizeof v->missing);
    v->probed = 1;
    if (none)
        msg_warn("voice guidance: %s (keys and focus still work)", v->missing);
    else
        msg_info("voice guidance: a voice for every language (%d)", cfg->kiosk.n_languages);
}

const char *voice_missing(const struct voice *v)
{
    if (v->started && !v->sp)
        return "speech worker not running";
    if (v->probed)
        return v->missing[0] ? v->missing : NULL;
    return v->started ? speech_missing(v->sp) : NULL;
}

static void voice_say(struct voice *v, const char *lang, const char *text, double now)
{
    if (v->dev)
        SDL_ClearQueuedAudio(v->dev); /* what was being said stops at once */
    if (!v->sp || !text[0])
        return;
    if (!speech_can(v->sp, lang)) {
        speech_cancel(v->sp);
        return;
    }
    v->asked_seq = speech_say(v->sp, lang, text);
    v->asked_at = now;
    utf8_copy(v->said, sizeof v->said, text); /* a long text cut whole characters */
    msg_debug("voice: say (%s) %s", lang, text);
}

/* "くっきり表示 オン": a toggle's name and its new state. */
static void voice_state(char *out, size_t n, const char *lang, enum i18n_key name, int on)
{
    snprintf(out, n, "%s %s", i18n_ui(name, lang), i18n_ui(on ? I18N_STATE_ON : I18N_STATE_OFF, lang));
}

static const char *voice_stop(const char *lang)
{
    return strncmp(lang, "ja", 2) == 0 || strncmp(lang, "zh", 2) == 0 ? "。" : ". ";
}

/* Voice guidance went off: turned off by the visitor it says so (and that
 * is let play); ended with the visit it stops at once. */
static void voice_off(struct voice *v, const struct app_state *st, double now)
{
    if (!v->on || !v->sp)
        return;
    if (st->visitor_active) {
        char text[128];
        voice_state(text, sizeof text, app_lang(st), I18N_VOICE_GUIDANCE, 0);
        voice_say(v, app_lang(st), text, now);
        v->free_seq = v->asked_seq;
    } else {
        speech_cancel(v->sp);
        if (v->dev)
            SDL_ClearQueuedAudio(v->dev);
    }
    speech_standby(v->sp, NULL); /* no open_jtalk waits when no one listens */
}

/* Home's attract loop, nobody there: at the start of every Nth round of
 * its cards (kiosk.voice_hint_cycles) it says how to get voice guidance,
 * once, if that language has a voice. */
static void voice_attract(struct voice *v, const struct app_state *st, double now)
{
    int every = st->cfg ? st->cfg->kiosk.voice_hint_cycles : 0;
    if (every <= 0 || !screen_attract(st))
        return;
    int round = screen_attract_round(st, now - st->screen_since);
    if (round <= 0 || round % every != 0 ||
        (round == v->hint_round && st->screen_since == v->hint_since))
        return;
    v->hint_round = round;
    v->hint_since = st->screen_since;
    voice_start(v);
    const char *lang = app_lang(st);
    if (!v->sp || !speech_can(v->sp, lang))
        return;
    speech_volume(v->sp, st->cfg->kiosk.voice_volume);
    voice_say(v, lang, i18n_ui(I18N_VOICE_ATTRACT, lang), now);
    v->free_seq = v->asked_seq;
    msg_info("voice: attract hint, round %d of home's cards", round);
}

/* What this frame has to say: the screen (with what changed before it:
 * voice on, a new language), a toggle's new state, or the focused button. */
static void voice_pick(struct voice *v, struct ui *ui, const struct app_state *st, int changed,
                       double now)
{
    const char *lang = app_lang(st);
    int warning = app_idle_warning(st, now);
    int i = ui_focus_index(ui);
    struct app_target t = i >= 0 ? ui->targets[i].t : (struct app_target){APP_ACT_NONE, 0};
    char label[256] = "", text[1024], first[160] = "";
    if (i >= 0)
        speech_text_target(st->cfg, lang, t, ui->targets[i].label, label, sizeof label);
    if (changed) {
        if (!v->on)
            voice_state(first, sizeof first, lang, I18N_VOICE_GUIDANCE, 1);
        else if (strcmp(lang, v->lang) != 0)
            snprintf(first, sizeof first, "%s", i18n_endonym(lang));
        size_t k = strlen(first);
        if (k)
            snprintf(first + k, sizeof first - k, "%s", voice_stop(lang));
        speech_text_screen(st, warning, app_idle_remaining(st, now), label, text, sizeof text);
        char all[1200];
        snprintf(all, sizeof all, "%s%s", first, text);
        voice_say(v, lang, all, now);
    } else if (st->high_contrast != v->high_contrast || st->large_text != v->large_text) {
        int hc = st->high_contrast != v->high_contrast;
        voice_state(text, sizeof text, lang, hc ? I18N_HIGH_CONTRAST : I18N_LARGE_TEXT,
                    hc ? st->high_contrast : st->large_text);
        voice_say(v, lang, text, now);
    } else if ((i >= 0) != v->focus_on || t.action != v->focus.action || t.arg != v->focus.arg) {
        /* A language's button is said in that language (한국어 by the Korean
         * voice: Open JTalk cannot read Hangul), if it can be spoken. */
        const char *own = t.action == APP_ACT_LANG && st->cfg && t.arg >= 0 &&
                                  t.arg < st->cfg->kiosk.n_languages
                              ? st->cfg->kiosk.languages[t.arg] : NULL;
        voice_say(v, own && speech_can(v->sp, own) ? own : lang, label, now);
    }
    v->focus = t;
    v->focus_on = i >= 0;
}

void voice_after_draw(struct voice *v, struct ui *ui, const struct app_state *st, int help_count,
                      double now)
{
    if (!st->voice) {
        voice_off(v, st, now);
        v->on = 0;
        v->screen_key = 0;
        v->help_seen = help_count;
        voice_attract(v, st, now);
        return;
    }
    voice_start(v);
    if (v->sp && st->cfg)
        speech_volume(v->sp, st->cfg->kiosk.voice_volume); /* the worker scales the clips */
    ui->keys_used = 1; /* in voice mode the focus ring always shows */
    const char *lang = app_lang(st);
    int warning = app_idle_warning(st, now);
    int key = warning ? -((int)st->screen + 1) : (int)st->screen + 1;
    if (v->sp && (!v->on || strcmp(lang, v->lang)))
        speech_standby(v->sp, lang);
    int changed = !v->on || key != v->screen_key || help_count != v->help_seen ||
                  strcmp(lang, v->lang) != 0;
    if (!v->on) { /* what the toggles were before is no news */
        v->high_contrast = st->high_contrast;
        v->large_text = st->large_text;
    }
    voice_pick(v, ui, st, changed, now);
    v->on = 1;
    v->screen_key = key;
    v->help_seen = help_count;
    v->high_contrast = st->high_contrast;
    v->large_text = st->large_text;
    snprintf(v->lang, sizeof v->lang, "%s", lang);
}

static int voice_device(struct voice *v)
{
    if (v->dev)
        return 0;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        msg_warn("voice guidance: no audio: %s", SDL_GetError());
        return -1;
    }
    /* The clips' own rate and format: SDL converts, if the hardware needs
     * it, in its audio thread, never in the loop's. */
    SDL_AudioSpec want = {.freq = SPEECH_RATE, .format = AUDIO_S16SYS, .channels = 1,
                          .samples = 512};
    v->dev = SDL_OpenAudioDevice(NULL, 0, &want, &v->spec, 0);
    if (!v->dev) {
        msg_warn("voice guidance: cannot open audio: %s", SDL_GetError());
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return -1;
    }
    SDL_PauseAudioDevice(v->dev, 0);
    msg_debug("voice: audio device at %d Hz", v->spec.freq);
    return 0;
}

/* Seconds of quiet (|sample| < 300) at the start of a clip. */
static double voice_lead(const int16_t *pcm, size_t n, int rate)
{
    size_t i = 0;
    while (i < n && abs(pcm[i]) < 300)
        i++;
    return (double)i / rate;
}

/* One sentence's clip into the device: the first of a request replaces
 * what is playing, the others follow it. Clips come at the device's rate
 * (SPEECH_RATE) and loudness (speech_volume): queueing is a copy; another
 * rate is converted here. */
static void voice_queue(struct voice *v, struct speech_clip *c, double now)
{
    if (c->part == 0)
        SDL_ClearQueuedAudio(v->dev);
    int ok = 0;
    if (c->rate == v->spec.freq && v->spec.format == AUDIO_S16SYS && v->spec.channels == 1) {
        ok = SDL_QueueAudio(v->dev, c->samples, (Uint32)(c->n * sizeof *c->samples)) == 0;
    } else {
        SDL_AudioStream *as = SDL_NewAudioStream(AUDIO_S16SYS, 1, c->rate, v->spec.format,
                                                 v->spec.channels, v->spec.freq);
        ok = as && SDL_AudioStreamPut(as, c->samples, (int)(c->n * sizeof *c->samples)) == 0 &&
             SDL_AudioStreamFlush(as) == 0;
        char buf[16384];
        int got;
        while (ok && (got = SDL_AudioStreamGet(as, buf, sizeof buf)) > 0)
            SDL_QueueAudio(v->dev, buf, (Uint32)got);
        if (as)
            SDL_FreeAudioStream(as);
    }
    if (!ok)
        return;
    if (c->part == 0) {
        v->first_audio_at = now;
        v->first_lead_s = voice_lead(c->samples, c->n, c->rate);
    }
    msg_debug("voice: clip %d%s, %.2f s, queued %.0f ms after the request", c->part,
              c->last ? " (last)" : "", (double)c->n / c->rate, (now - v->asked_at) * 1000.0);
}

void voice_play(struct voice *v, double now)
{
    struct speech_clip c;
    while (v->sp && speech_take(v->sp, &c)) {
        if ((v->on || c.seq == v->free_seq) && c.seq == v->asked_seq && voice_device(v) == 0)
            voice_queue(v, &c, now);
        free(c.samples);
    }
}

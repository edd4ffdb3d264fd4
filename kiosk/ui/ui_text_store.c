/* The first frame's text kept across starts (core/text_store.h): loaded
 * into the text cache before the first frame when the fonts' signature is
 * this start's, and written again after it when the first frame asked for
 * anything the file lacked (a first start, a new config or font, another
 * window size, the clock's minute). A missing, damaged or outdated file
 * only means the first frame is drawn from the fonts, as without it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "msg.h"
#include "text_store.h"
#include "ui.h"

/* The program's identity for the signature: a rebuilt or upgraded kiosk
 * may draw text differently. */
static void ui_text_store_exe(char *out, size_t outsz)
{
    struct stat sb;
    if (stat("/proc/self/exe", &sb) == 0)
        snprintf(out, outsz, "kiosk %s %lld %lld.%09ld %llu", KIOSK_VERSION,
                 (long long)sb.st_size, (long long)sb.st_mtim.tv_sec, sb.st_mtim.tv_nsec,
                 (unsigned long long)sb.st_ino);
    else
        snprintf(out, outsz, "kiosk %s", KIOSK_VERSION);
}

static int ui_text_store_dir(char *dir, size_t dirsz)
{
    return text_store_dir(getenv("CACHE_DIRECTORY"), getenv("XDG_CACHE_HOME"), getenv("HOME"),
                          KIOSK_PACKAGE, dir, dirsz);
}

int ui_text_store_found(void)
{
    char dir[1024], path[1100];
    struct stat sb;
    if (ui_text_store_dir(dir, sizeof dir) != 0)
        return 0;
    snprintf(path, sizeof path, "%s/%s", dir, TEXT_STORE_FILE);
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0;
}

void ui_text_store_begin(struct ui *ui)
{
    char exe[256], why[256];
    ui->store_on = 0;
    if (ui_text_store_dir(ui->store_dir, sizeof ui->store_dir) != 0) {
        msg_debug("text store: no cache folder (CACHE_DIRECTORY, XDG_CACHE_HOME, HOME unset)");
        return;
    }
    ui_text_store_exe(exe, sizeof exe);
    if (fonts_signature(ui->fonts, exe, ui->store_sig) != 0)
        return;
    struct text_store s;
    if (text_store_load(ui->store_dir, ui->store_sig, &s, why, sizeof why) == 0) {
        msg_debug("text store: %d texts, %d widths, %d line heights from %s/%s", s.n_texs,
                  s.n_measures, s.n_lhs, ui->store_dir, TEXT_STORE_FILE);
        text_cache_seed(ui->text, &s);
        ui->store_loaded = 1;
    } else {
        msg_debug("text store: not used: %s", why);
    }
    text_store_free(&s);
    text_cache_record(ui->text, 1);
    ui->store_on = 1;
}

void ui_text_store_end_frame(struct ui *ui)
{
    if (ui->store_on)
        text_cache_record(ui->text, 0);
}

void ui_text_store_save(struct ui *ui)
{
    if (!ui->store_on)
        return;
    ui->store_on = 0;
    struct text_store s;
    text_store_init(&s, ui->store_sig);
    int missed = text_cache_store(ui->text, &s);
    char why[1200];
    if (missed == 0 && ui->store_loaded) {
        msg_debug("text store: the first frame was all in it; not written again");
    } else if (text_store_save(ui->store_dir, &s, why, sizeof why) != 0) {
        msg_info("text store: %s (the next start draws its first frame from the fonts)", why);
    } else {
        msg_debug("text store: %d texts, %d widths, %d line heights written (%d not in the "
                  "last one)", s.n_texs, s.n_measures, s.n_lhs, missed);
    }
    text_store_free(&s);
    text_cache_store_done(ui->text);
}

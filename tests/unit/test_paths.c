/* The search order for config and fonts (paths.h) over a fake disk: a list
 * of files and folders that exist. */
#include <string.h>

#include "check.h"
#include "paths.h"

struct fake {
    const char *const *files;
    const char *const *dirs;
};

static int fake_has(const char *const *list, const char *p)
{
    for (int i = 0; list && list[i]; i++)
        if (strcmp(list[i], p) == 0)
            return 1;
    return 0;
}

static int fake_is_file(const char *p, void *ctx) { return fake_has(((struct fake *)ctx)->files, p); }
static int fake_is_dir(const char *p, void *ctx) { return fake_has(((struct fake *)ctx)->dirs, p); }

static struct paths resolve_fonts(const char *cli, const char *fonts, const char *exe,
                                  struct fake *f)
{
    struct paths_in in = {.cli_config = cli, .cli_fonts = fonts, .exe = exe,
                          .source_dir = "/src/kiosk",
                          .package = "sck", .is_file = fake_is_file, .is_dir = fake_is_dir,
                          .ctx = f};
    struct paths p;
    CHECK_INT(paths_resolve(&in, &p), 0);
    return p;
}

static struct paths resolve(const char *cli, const char *exe, struct fake *f)
{
    return resolve_fonts(cli, NULL, exe, f);
}

/* The development binary: /etc first, then ./config, then the source tree. */
static void test_development(void)
{
    const char *none[] = {NULL};
    const char *src_dirs[] = {"/src/kiosk/fonts", NULL};
    struct fake f = {none, src_dirs};
    struct paths p = resolve(NULL, "/src/kiosk/build/kiosk/kiosk", &f);
    CHECK_INT(p.installed, 0);
    CHECK_STR(p.etc_dir, "/etc/sck");
    CHECK_STR(p.config, "/src/kiosk/config/kiosk.json");
    CHECK_INT(p.config_from, PATHS_DATA);
    CHECK_STR(p.fonts_dir, "/src/kiosk/fonts");
    /* Fonts never come from beside the config: a folder there is ignored. */
    const char *beside[] = {"/srv/cfg/fonts", "/srv/fonts", "/src/kiosk/fonts", NULL};
    f.dirs = beside;
    p = resolve("/srv/cfg/kiosk.json", NULL, &f);
    CHECK_STR(p.fonts_dir, "/src/kiosk/fonts");
    /* --fonts wins over every folder, as given (the font check says if it is missing). */
    p = resolve_fonts("/srv/cfg/kiosk.json", "/srv/fonts", NULL, &f);
    CHECK_STR(p.fonts_dir, "/srv/fonts");
    p = resolve_fonts(NULL, "no/such/folder", "/src/kiosk/build/kiosk/kiosk", &f);
    CHECK_STR(p.fonts_dir, "no/such/folder");
    f.dirs = src_dirs;

    const char *cwd[] = {"config/kiosk.json", NULL};
    f.files = cwd;
    p = resolve(NULL, "/src/kiosk/build/kiosk/kiosk", &f);
    CHECK_STR(p.config, "config/kiosk.json");
    CHECK_INT(p.config_from, PATHS_CWD);

    const char *etc[] = {"config/kiosk.json", "/etc/sck/kiosk.json", NULL};
    f.files = etc;
    p = resolve(NULL, "/src/kiosk/build/kiosk/kiosk", &f);
    CHECK_STR(p.config, "/etc/sck/kiosk.json");
    CHECK_INT(p.config_from, PATHS_ETC);
    /* /etc/fonts is fontconfig's: never taken as ours (../fonts of /etc/sck). */
    const char *dirs2[] = {"/etc/fonts", "/src/kiosk/fonts", NULL};
    f.dirs = dirs2;
    p = resolve(NULL, "/src/kiosk/build/kiosk/kiosk", &f);
    CHECK_STR(p.fonts_dir, "/src/kiosk/fonts");
    const char *dirs3[] = {"/etc/sck/fonts", "/src/kiosk/fonts", NULL};
    f.dirs = dirs3;
    p = resolve(NULL, "/src/kiosk/build/kiosk/kiosk", &f);
    CHECK_STR(p.fonts_dir, "/etc/sck/fonts");

    /* The command line wins over everything for the config; fonts keep the
     * maintainer's override, then the data folder, wherever the config is. */
    p = resolve("my/k.json", "/src/kiosk/build/kiosk/kiosk", &f);
    CHECK_STR(p.config, "my/k.json");
    CHECK_INT(p.config_from, PATHS_CLI);
    CHECK_STR(p.fonts_dir, "/etc/sck/fonts");
    const char *dirs4[] = {"my/fonts", "/src/kiosk/fonts", NULL};
    f.dirs = dirs4;
    p = resolve("my/k.json", "/src/kiosk/build/kiosk/kiosk", &f);
    CHECK_STR(p.fonts_dir, "/src/kiosk/fonts");
    /* No folder at all: the data folder's fonts/ (the system's fonts follow). */
    const char *nodirs[] = {NULL};
    f.dirs = nodirs;
    p = resolve("k.json", NULL, &f);
    CHECK_STR(p.fonts_dir, "/src/kiosk/fonts");
}

/* Installed under /usr: /etc/PACKAGE, then /usr/share/PACKAGE; ./config ignored. */
static void test_installed_usr(void)
{
    const char *files[] = {"config/kiosk.json", NULL};
    const char *dirs[] = {"/usr/share/sck", "/usr/share/sck/fonts", NULL};
    struct fake f = {files, dirs};
    struct paths p = resolve(NULL, "/usr/bin/sck", &f);
    CHECK_INT(p.installed, 1);
    CHECK_STR(p.data_dir, "/usr/share/sck");
    CHECK_STR(p.etc_dir, "/etc/sck");
    CHECK_STR(p.config, "/usr/share/sck/config/kiosk.json");
    CHECK_INT(p.config_from, PATHS_DATA);
    CHECK_STR(p.fonts_dir, "/usr/share/sck/fonts");

    const char *etc[] = {"/etc/sck/kiosk.json", NULL};
    f.files = etc;
    p = resolve(NULL, "/usr/bin/sck", &f);
    CHECK_STR(p.config, "/etc/sck/kiosk.json");
    CHECK_STR(p.fonts_dir, "/usr/share/sck/fonts");
}

/* Installed under another prefix: PREFIX/etc, PREFIX/share. */
static void test_installed_prefix(void)
{
    const char *files[] = {"/opt/k/etc/sck/kiosk.json", "/etc/sck/kiosk.json", NULL};
    const char *dirs[] = {"/opt/k/share/sck", "/opt/k/share/sck/fonts", NULL};
    struct fake f = {files, dirs};
    struct paths p = resolve(NULL, "/opt/k/bin/sck", &f);
    CHECK_INT(p.installed, 1);
    CHECK_STR(p.etc_dir, "/opt/k/etc/sck");
    CHECK_STR(p.data_dir, "/opt/k/share/sck");
    CHECK_STR(p.config, "/opt/k/etc/sck/kiosk.json");
    CHECK_STR(p.fonts_dir, "/opt/k/share/sck/fonts");
    /* A bin/ without share/PACKAGE beside it is not an install. */
    const char *nodirs[] = {NULL};
    f.dirs = nodirs;
    p = resolve(NULL, "/opt/k/bin/sck", &f);
    CHECK_INT(p.installed, 0);
    CHECK_STR(p.config, "/etc/sck/kiosk.json");
    /* Relative or missing exe: not installed. */
    f.dirs = dirs;
    p = resolve(NULL, "bin/sck", &f);
    CHECK_INT(p.installed, 0);
}

static void test_too_long(void)
{
    char longp[PATHS_MAX + 10];
    memset(longp, 'a', sizeof longp - 1);
    longp[sizeof longp - 1] = '\0';
    const char *none[] = {NULL};
    struct fake f = {none, none};
    struct paths_in in = {.cli_config = longp, .source_dir = "/src", .package = "sck",
                          .is_file = fake_is_file, .is_dir = fake_is_dir, .ctx = &f};
    struct paths p;
    CHECK_INT(paths_resolve(&in, &p), -1);
    CHECK_STR(paths_from_name(PATHS_ETC), "/etc");
}

int main(void)
{
    test_development();
    test_installed_usr();
    test_installed_prefix();
    test_too_long();
    return CHECK_RESULT();
}

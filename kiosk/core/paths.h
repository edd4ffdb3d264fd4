#ifndef KIOSK_PATHS_H
#define KIOSK_PATHS_H
/* Where the kiosk finds its config, fonts and data: the search order of the
 * README ("Where it looks"), as a pure function. The caller supplies how to
 * test a path, so the order is unit-tested without touching the disk. */

#define PATHS_MAX 1024

struct paths_in {
    const char *cli_config; /* --config PATH, or NULL */
    const char *cli_fonts;  /* --fonts DIR, or NULL */
    const char *exe;        /* the program's own path (/proc/self/exe), or NULL */
    const char *source_dir; /* the source tree the build came from */
    const char *package;    /* the installed name, e.g. "sapporo-counter-kiosk" */
    int (*is_file)(const char *path, void *ctx); /* 1 = a regular file */
    int (*is_dir)(const char *path, void *ctx);  /* 1 = a folder */
    void *ctx;
};

enum paths_from { PATHS_CLI, PATHS_ETC, PATHS_CWD, PATHS_DATA };

struct paths {
    char config[PATHS_MAX];    /* the config file to load */
    char fonts_dir[PATHS_MAX]; /* the folder searched for fonts before the system's */
    char data_dir[PATHS_MAX];  /* source tree, or PREFIX/share/PACKAGE when installed */
    char etc_dir[PATHS_MAX];   /* /etc/PACKAGE (PREFIX/etc/PACKAGE under another prefix) */
    enum paths_from config_from;
    int installed;             /* 1 = the program runs from PREFIX/bin of an install */
};

/* Fills *out. Installed (exe is PREFIX/bin/NAME and PREFIX/share/PACKAGE is
 * a folder): data is PREFIX/share/PACKAGE, etc is /etc/PACKAGE for PREFIX
 * /usr and PREFIX/etc/PACKAGE otherwise (as GNUInstallDirs places them).
 * Otherwise data is source_dir and etc is /etc/PACKAGE.
 * Config: cli_config; else ETC/kiosk.json; else (not installed)
 * ./config/kiosk.json; else DATA/config/kiosk.json.
 * Fonts (never relative to the config: a config in /etc/PACKAGE must not
 * look in /etc/fonts): cli_fonts as given; else the first folder of
 * ETC/fonts (a maintainer's override) and DATA/fonts (the source tree's
 * fonts/ for the development binary); else DATA/fonts. The system's font
 * folders come after fonts_dir (fontfind.c).
 * Returns 0, or -1 when a path does not fit. */
int paths_resolve(const struct paths_in *in, struct paths *out);
/* "command line", "/etc", "working folder", "data" */
const char *paths_from_name(enum paths_from f);
#endif

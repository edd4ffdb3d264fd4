#ifndef KIOSK_MECAB_LOAD_H
#define KIOSK_MECAB_LOAD_H

/* MeCab opened with dlopen by the first mecab_new2 (mecab_load.c says
 * why); the functions of mecab.h that jseg.c calls load it themselves. */

/* 1 if libmecab is in the process now (without loading it). */
int mecab_load_is_loaded(void);

#endif

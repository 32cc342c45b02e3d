// The ncursesw C API for Swift. The define must be here, not in build flags: SwiftPM drops
// pkg-config -D flags, and without it the wide-character API (cchar_t, wget_wch) is hidden.
#ifndef RENEWAL_CNCURSESW_SHIM_H
#define RENEWAL_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// 1 when the terminal named by TERM is known and can move the cursor (terminfo "cup"); 0 for
// TERM=dumb, an unknown or missing TERM. Checked before initscr, which would exit the process
// with its own English message instead.
static inline int renewal_terminal_can_address_cursor(void) {
    int status = 0;
    if (setupterm(NULL, 1, &status) != OK) return 0;
    char *cup = tigetstr("cup");
    int ok = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    return ok;
}

// Macros and globals Swift cannot import (or cannot import safely in Swift 6 mode).
static inline WINDOW *renewal_stdscr(void) { return stdscr; }
static inline int renewal_cols(void) { return COLS; }
static inline int renewal_lines(void) { return LINES; }
static inline int renewal_colors(void) { return COLORS; }
static inline attr_t renewal_a_normal(void) { return A_NORMAL; }
static inline attr_t renewal_a_bold(void) { return A_BOLD; }
static inline attr_t renewal_a_reverse(void) { return A_REVERSE; }
static inline attr_t renewal_a_underline(void) { return A_UNDERLINE; }
static inline attr_t renewal_a_dim(void) { return A_DIM; }
static inline int renewal_key_resize(void) { return KEY_RESIZE; }
static inline int renewal_err(void) { return ERR; }

// Draws one cell (a wide character or a combining sequence) with attributes and a colour pair.
static inline int renewal_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &cell);
}

// Reads one key or character: returns OK (a character in *out), KEY_CODE_YES (a key code), or ERR.
static inline int renewal_get_wch(wint_t *out) { return wget_wch(stdscr, out); }

#endif

/* Shared by _wordfind.c (the Finder type, its word search, find_any) and _wordmark.c (marking in C). */
#ifndef COVENANT_WORDFIND_H
#define COVENANT_WORDFIND_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#define HEADS_BITS (1u << 16)
#define MAX_WIDE 8
/* scanner.CONTEXT: how far the look-behind rules see (the stream keeps as much); the scanner checks it */
#define CONTEXT 64

/* ASCII character classes, one table lookup instead of a call per character */
enum { C_SPACE = 1, C_BEFORE = 2, C_AFTER = 4, C_FORM = 8, C_WORD = 16, C_LETTER = 32 };

/* Per-form marking flags: str.islower(), Capitalised as str.capitalize() writes it, first letter upper */
enum { F_LOWER = 1, F_CAPOK = 2, F_UPPER0 = 4 };

typedef struct {
    uint32_t hash;
    uint32_t len;
    const char *chars;  /* into Finder.arena */
    int32_t set_id;     /* -1: no marking information */
    uint8_t member;
    uint8_t flags;
} Form;

typedef struct {
    PyObject_HEAD
    PyObject *before;  /* str: characters allowed before a word besides whitespace */
    PyObject *after;   /* str: characters allowed after a word besides whitespace */
    Form *forms;
    Py_ssize_t nforms;
    char *arena;        /* the forms' characters */
    uint32_t *slots;    /* open addressing: index + 1 into forms, 0 empty */
    uint32_t mask;
    uint8_t heads[HEADS_BITS / 8];  /* Bloom filter of the first words of two-word forms */
    uint8_t cls[128];
    Py_UCS4 before_wide[MAX_WIDE], after_wide[MAX_WIDE];
    int nbefore_wide, nafter_wide;
    /* marking (all NULL / 0 when the Finder was built without a table) */
    PyObject *sets;      /* tuple per set: the members as written */
    PyObject *capitals;  /* tuple per set: the members Capitalised */
    uint8_t *mixed;      /* per set: members need different articles */
    Py_ssize_t nsets;
} Finder;

static inline uint32_t fnv_start(void) { return 2166136261u; }
static inline uint32_t fnv_mix(uint32_t h, Py_UCS4 ch) { return (h ^ (uint32_t)ch) * 16777619u; }

static inline int is_space(Py_UCS4 c, const Finder *f) {
    return c < 128 ? (f->cls[c] & C_SPACE) : Py_UNICODE_ISSPACE(c);
}

/* \w of the re module: alphanumeric or "_" */
static inline int is_word(Py_UCS4 c, const Finder *f) {
    return c < 128 ? (f->cls[c] & C_WORD) : (Py_UNICODE_ISALNUM(c) != 0);
}

/* whitespace or a `before` character: a word may start after it */
static inline int opens(Py_UCS4 c, const Finder *f) {
    if (c < 128)
        return f->cls[c] & (C_SPACE | C_BEFORE);
    if (Py_UNICODE_ISSPACE(c))
        return 1;
    for (int k = 0; k < f->nbefore_wide; k++)
        if (c == f->before_wide[k])
            return 1;
    return 0;
}

/* whitespace or an `after` character: a word may end before it */
static inline int closes(Py_UCS4 c, const Finder *f) {
    if (c < 128)
        return f->cls[c] & (C_SPACE | C_AFTER);
    if (Py_UNICODE_ISSPACE(c))
        return 1;
    for (int k = 0; k < f->nafter_wide; k++)
        if (c == f->after_wide[k])
            return 1;
    return 0;
}

/* The form matching at i, or -1: *end is where it ends, *run_end where the run of form characters from i
 * ends (no match can start inside it). i must be a possible start (a letter after an opening character). */
Py_ssize_t wf_match_at(const Finder *self, int kind, const void *data, Py_ssize_t n, Py_ssize_t i,
                       Py_ssize_t *end, Py_ssize_t *run_end);

PyObject *Finder_mark(Finder *self, PyObject *const *args, Py_ssize_t nargs);

#endif

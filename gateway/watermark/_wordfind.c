/* The watermark scanner's word search in C: the positions where the table's word pattern matches
 * (Finder.positions), the marking of the words of a prose stretch (Finder.mark, in _wordmark.c), and
 * find_any, the search for quotes, backticks and brackets.
 *
 * Same results as the Python WordFinder (gateway/watermark/wordfind.py) and as the pattern itself
 * (tests compare all three). A match at i needs: i == 0, whitespace or a `before` character at i - 1;
 * a table form at i; after it the end of the text, whitespace or an `after` character, but not a dot
 * followed by a word character. Forms are ASCII letters and apostrophes, at most two words joined by
 * one space, so the look-ahead can only pass at the end of the run of [A-Za-z'] that starts at i
 * (one-word forms) or at the end of the run after one space there (two-word forms); the regex tries
 * the longer first, and so does this. Runs are hashed while they are read and looked up in an open
 * addressing table of the forms that compares the text's characters in place (no substring object).
 *
 * Character classes are CPython's own (Py_UNICODE_ISSPACE for \s, Py_UNICODE_ISALNUM or "_" for \w),
 * tabulated for ASCII, so non-ASCII text gives the same answers as the pattern.
 */
#include "_wordfind.h"

static inline uint32_t slot_of(uint32_t h, uint32_t mask) { return (h ^ (h >> 16)) & mask; }
static inline uint32_t head_slot(uint32_t h) { return (h ^ (h >> 16)) & (HEADS_BITS - 1); }

static void Finder_dealloc(Finder *self) {
    Py_XDECREF(self->before);
    Py_XDECREF(self->after);
    Py_XDECREF(self->sets);
    Py_XDECREF(self->capitals);
    PyMem_Free(self->forms);
    PyMem_Free(self->arena);
    PyMem_Free(self->slots);
    PyMem_Free(self->mixed);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* The non-ASCII characters of chars into wide (at most MAX_WIDE); the ASCII ones as `bit` in cls. */
static int add_chars(Finder *self, PyObject *chars, uint8_t bit, Py_UCS4 *wide, int *nwide) {
    int kind = PyUnicode_KIND(chars);
    const void *data = PyUnicode_DATA(chars);
    for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(chars); k++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, k);
        if (c < 128)
            self->cls[c] |= bit;
        else if (*nwide < MAX_WIDE)
            wide[(*nwide)++] = c;
        else {
            PyErr_SetString(PyExc_ValueError, "Finder: at most 8 non-ASCII before/after characters");
            return -1;
        }
    }
    return 0;
}

/* Checks one form (letters and apostrophes, at most two words, starting with a letter) and returns its
 * hash; sets the heads bit of its first word when it has two. -1 with an exception when it is refused. */
static int64_t form_hash(Finder *self, PyObject *w) {
    if (!PyUnicode_Check(w) || !PyUnicode_IS_ASCII(w) || PyUnicode_GET_LENGTH(w) == 0) {
        PyErr_Format(PyExc_ValueError, "table entry %R is not a non-empty ASCII str", w);
        return -1;
    }
    const Py_UCS1 *s = PyUnicode_1BYTE_DATA(w);
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    uint32_t h = fnv_start();
    int spaces = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        spaces += s[k] == ' ';
        int form = s[k] < 128 && (self->cls[s[k]] & C_FORM);
        int ok = form ? (k > 0 && s[k - 1] != ' ') || s[k] != '\'' /* words start with a letter */
                      : s[k] == ' ' && k > 0 && k + 1 < n && s[k - 1] != ' ' && spaces == 1;
        if (!ok) {
            PyErr_Format(PyExc_ValueError, "table entry %R is not letters and apostrophes, at most two words", w);
            return -1;
        }
        if (s[k] == ' ')
            self->heads[head_slot(h) >> 3] |= (uint8_t)(1u << (head_slot(h) & 7));
        h = fnv_mix(h, s[k]);
    }
    return h;
}

/* Marking information of a form, from info[form] = set_id << 8 | member << 3 | flags. */
static int form_info(Form *f, PyObject *info, PyObject *w, Py_ssize_t nsets) {
    f->set_id = -1;
    if (info == NULL)
        return 0;
    PyObject *v = PyDict_GetItemWithError(info, w);
    if (v == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_ValueError, "no marking information for %R", w);
        return -1;
    }
    long code = PyLong_AsLong(v);
    if (code == -1 && PyErr_Occurred())
        return -1;
    if (code < 0 || (code >> 8) >= nsets) {
        PyErr_Format(PyExc_ValueError, "bad marking information for %R", w);
        return -1;
    }
    f->set_id = (int32_t)(code >> 8);
    f->member = (uint8_t)((code >> 3) & 31);
    f->flags = (uint8_t)(code & 7);
    return 0;
}

static int Finder_init(Finder *self, PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {"forms", "before", "after", "info", "sets", "capitals", "mixed", NULL};
    PyObject *forms, *before, *after, *info = NULL, *sets = NULL, *capitals = NULL, *mixed = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OUU|O!O!O!S", kwlist, &forms, &before, &after, &PyDict_Type,
                                     &info, &PyTuple_Type, &sets, &PyTuple_Type, &capitals, &mixed))
        return -1;
    if (self->forms != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Finder is already initialised");
        return -1;
    }
    Py_ssize_t nsets = 0;
    if (info != NULL) {
        if (sets == NULL || capitals == NULL || mixed == NULL || PyTuple_GET_SIZE(capitals) != PyTuple_GET_SIZE(sets) ||
            PyBytes_GET_SIZE(mixed) != PyTuple_GET_SIZE(sets)) {
            PyErr_SetString(PyExc_ValueError, "info needs sets, capitals and mixed of one length");
            return -1;
        }
        nsets = PyTuple_GET_SIZE(sets);
        for (Py_ssize_t s = 0; s < nsets; s++) {
            PyObject *a = PyTuple_GET_ITEM(sets, s), *b = PyTuple_GET_ITEM(capitals, s);
            if (!PyTuple_Check(a) || !PyTuple_Check(b) || PyTuple_GET_SIZE(a) != PyTuple_GET_SIZE(b)) {
                PyErr_SetString(PyExc_ValueError, "sets and capitals: tuples of members of equal length");
                return -1;
            }
        }
    }
    memset(self->cls, 0, sizeof(self->cls));
    for (int c = 0; c < 128; c++) {
        if (Py_UNICODE_ISSPACE(c))
            self->cls[c] |= C_SPACE;
        if (Py_UNICODE_ISALNUM(c) || c == '_')
            self->cls[c] |= C_WORD;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            self->cls[c] |= C_LETTER | C_FORM;
    }
    self->cls['\''] |= C_FORM;
    self->nbefore_wide = self->nafter_wide = 0;
    if (add_chars(self, before, C_BEFORE, self->before_wide, &self->nbefore_wide) < 0 ||
        add_chars(self, after, C_AFTER, self->after_wide, &self->nafter_wide) < 0)
        return -1;
    memset(self->heads, 0, sizeof(self->heads));

    PyObject *set = PyFrozenSet_New(forms);  /* drops duplicates */
    if (set == NULL)
        return -1;
    PyObject *seq = PySequence_List(set);
    Py_DECREF(set);
    if (seq == NULL)
        return -1;
    Py_ssize_t nforms = PyList_GET_SIZE(seq), chars = 0;
    uint32_t size = 16;
    while (size < 4 * (uint64_t)nforms)  /* a quarter full: a missed lookup mostly ends at an empty slot */
        size <<= 1;
    for (Py_ssize_t k = 0; k < nforms; k++) {
        PyObject *w = PyList_GET_ITEM(seq, k);
        chars += PyUnicode_Check(w) ? PyUnicode_GET_LENGTH(w) : 0;
    }
    Form *fs = PyMem_Calloc(nforms ? nforms : 1, sizeof(Form));
    char *arena = PyMem_Malloc(chars ? chars : 1);
    uint32_t *slots = PyMem_Calloc(size, sizeof(uint32_t));
    uint8_t *mix = nsets ? PyMem_Malloc(nsets) : NULL;
    if (fs == NULL || arena == NULL || slots == NULL || (nsets && mix == NULL)) {
        PyErr_NoMemory();
        goto fail;
    }
    char *p = arena;
    for (Py_ssize_t k = 0; k < nforms; k++) {
        PyObject *w = PyList_GET_ITEM(seq, k);
        int64_t h = form_hash(self, w);
        if (h < 0 || form_info(&fs[k], info, w, nsets) < 0)
            goto fail;
        Py_ssize_t len = PyUnicode_GET_LENGTH(w);
        memcpy(p, PyUnicode_1BYTE_DATA(w), len);
        fs[k] = (Form){(uint32_t)h, (uint32_t)len, p, fs[k].set_id, fs[k].member, fs[k].flags};
        p += len;
        uint32_t s = slot_of((uint32_t)h, size - 1);
        while (slots[s])
            s = (s + 1) & (size - 1);
        slots[s] = (uint32_t)k + 1;
    }
    for (Py_ssize_t s = 0; s < nsets; s++)
        mix[s] = PyBytes_AS_STRING(mixed)[s] != 0;
    Py_DECREF(seq);
    self->forms = fs;
    self->nforms = nforms;
    self->arena = arena;
    self->slots = slots;
    self->mask = size - 1;
    self->mixed = mix;
    self->nsets = nsets;
    Py_INCREF(before);
    Py_XSETREF(self->before, before);
    Py_INCREF(after);
    Py_XSETREF(self->after, after);
    Py_XINCREF(sets);
    Py_XSETREF(self->sets, sets);
    Py_XINCREF(capitals);
    Py_XSETREF(self->capitals, capitals);
    return 0;
fail:
    Py_DECREF(seq);
    PyMem_Free(fs);
    PyMem_Free(arena);
    PyMem_Free(slots);
    PyMem_Free(mix);
    return -1;
}

/* The form text[i:e] (hash h), or -1. */
static Py_ssize_t lookup(const Finder *self, int kind, const void *data, Py_ssize_t i, Py_ssize_t e, uint32_t h) {
    uint32_t len = (uint32_t)(e - i);
    for (uint32_t s = slot_of(h, self->mask); self->slots[s]; s = (s + 1) & self->mask) {
        const Form *f = &self->forms[self->slots[s] - 1];
        if (f->hash != h || f->len != len)
            continue;
        uint32_t k = 0;
        while (k < len && PyUnicode_READ(kind, data, i + k) == (Py_UCS4)(unsigned char)f->chars[k])
            k++;
        if (k == len)
            return self->slots[s] - 1;
    }
    return -1;
}

/* The pattern's look-ahead at e: end, or whitespace / an `after` character, but not "." + word char. */
static inline int ends_word(const Finder *self, int kind, const void *data, Py_ssize_t n, Py_ssize_t e) {
    if (e == n)
        return 1;
    Py_UCS4 c = PyUnicode_READ(kind, data, e);
    if (!closes(c, self))
        return 0;
    return !(c == '.' && e + 1 < n && is_word(PyUnicode_READ(kind, data, e + 1), self));
}

static inline int form_char(const Finder *self, Py_UCS4 c) { return c < 128 && (self->cls[c] & C_FORM); }

Py_ssize_t wf_match_at(const Finder *self, int kind, const void *data, Py_ssize_t n, Py_ssize_t i,
                       Py_ssize_t *end, Py_ssize_t *run_end) {
    uint32_t h = fnv_start();
    Py_ssize_t e1 = i;
    Py_UCS4 c;
    while (e1 < n && form_char(self, c = PyUnicode_READ(kind, data, e1))) {
        h = fnv_mix(h, c);
        e1++;
    }
    *run_end = e1;
    if (e1 + 1 < n && (self->heads[head_slot(h) >> 3] & (1u << (head_slot(h) & 7))) &&
        PyUnicode_READ(kind, data, e1) == ' ' && form_char(self, PyUnicode_READ(kind, data, e1 + 1))) {
        uint32_t h2 = fnv_mix(h, ' ');
        Py_ssize_t e2 = e1 + 1;
        while (e2 < n && form_char(self, c = PyUnicode_READ(kind, data, e2))) {
            h2 = fnv_mix(h2, c);
            e2++;
        }
        if (ends_word(self, kind, data, n, e2)) {
            Py_ssize_t k = lookup(self, kind, data, i, e2, h2);
            if (k >= 0) {
                *end = e2;
                return k;
            }
        }
    }
    if (ends_word(self, kind, data, n, e1)) {
        Py_ssize_t k = lookup(self, kind, data, i, e1, h);
        if (k >= 0) {
            *end = e1;
            return k;
        }
    }
    return -1;
}

static PyObject *Finder_positions(Finder *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs < 1 || nargs > 2 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "positions(text: str, pos: int = 0)");
        return NULL;
    }
    if (self->forms == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Finder is not initialised");
        return NULL;
    }
    PyObject *text = args[0];
    Py_ssize_t pos = 0;
    if (nargs == 2 && (pos = PyLong_AsSsize_t(args[1])) == -1 && PyErr_Occurred())
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (pos < 0)
        pos = 0;
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    int open = pos == 0 || (pos <= n && opens(PyUnicode_READ(kind, data, pos - 1), self));
    Py_ssize_t i = pos;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!(open && c < 128 && (self->cls[c] & C_LETTER))) {
            open = opens(c, self);
            i++;
            continue;
        }
        Py_ssize_t end, run_end;
        if (wf_match_at(self, kind, data, n, i, &end, &run_end) >= 0) {
            PyObject *a = PyLong_FromSsize_t(i), *b = PyLong_FromSsize_t(end), *pair = NULL;
            if (a != NULL && b != NULL)
                pair = PyTuple_Pack(2, a, b);
            Py_XDECREF(a);
            Py_XDECREF(b);
            if (pair == NULL || PyList_Append(out, pair) < 0) {
                Py_XDECREF(pair);
                Py_DECREF(out);
                return NULL;
            }
            Py_DECREF(pair);
        }
        /* no match can start inside the run (its characters are not separators): skip it */
        open = opens(PyUnicode_READ(kind, data, run_end - 1), self);
        i = run_end;
    }
    return out;
}

/* find_any(chars, text, pos): the first index >= pos in text of any character of chars, or -1. For the
 * scanner's "special" characters (quotes, backticks, brackets): a regex character class costs
 * ~3.5 ns per character in CPython's engine, this a fraction of that. */
static PyObject *find_any(PyObject *mod, PyObject *const *args, Py_ssize_t nargs) {
    (void)mod;
    Py_ssize_t pos;
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1]) ||
        ((pos = PyLong_AsSsize_t(args[2])) == -1 && PyErr_Occurred())) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "find_any(chars: str, text: str, pos: int)");
        return NULL;
    }
    PyObject *chars = args[0], *text = args[1];
    int kind = PyUnicode_KIND(text), ckind = PyUnicode_KIND(chars);
    const void *data = PyUnicode_DATA(text), *cdata = PyUnicode_DATA(chars);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), nc = PyUnicode_GET_LENGTH(chars);
    uint8_t ascii[128] = {0};
    Py_UCS4 wide[8];
    int nwide = 0;
    for (Py_ssize_t k = 0; k < nc; k++) {
        Py_UCS4 c = PyUnicode_READ(ckind, cdata, k);
        if (c < 128)
            ascii[c] = 1;
        else if (nwide < 8)
            wide[nwide++] = c;
        else {
            PyErr_SetString(PyExc_ValueError, "find_any: at most 8 non-ASCII characters");
            return NULL;
        }
    }
    for (Py_ssize_t i = pos < 0 ? 0 : pos; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < 128) {
            if (ascii[c])
                return PyLong_FromSsize_t(i);
        } else {
            for (int k = 0; k < nwide; k++)
                if (c == wide[k])
                    return PyLong_FromSsize_t(i);
        }
    }
    return PyLong_FromLong(-1);
}

static PyMethodDef module_methods[] = {
    {"find_any", (PyCFunction)(void (*)(void))find_any, METH_FASTCALL,
     "find_any(chars, text, pos): the first index >= pos in text of any character of chars, or -1"},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef Finder_methods[] = {
    {"positions", (PyCFunction)(void (*)(void))Finder_positions, METH_FASTCALL,
     "positions(text, pos=0): (start, end) of every match of the word pattern starting at or after pos"},
    {"mark", (PyCFunction)(void (*)(void))Finder_mark, METH_FASTCALL,
     "mark(text, pos, limit, targets, out, copied) -> (pos, copied): marks the words starting in [pos, limit)"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject FinderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "gateway.watermark._wordfind.Finder",
    .tp_basicsize = sizeof(Finder),
    .tp_dealloc = (destructor)Finder_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Finder(forms, before, after, info=None, sets=None, capitals=None, mixed=None): the word search "
              "of the watermark scanner, compiled; with the marking information, the marking of prose too",
    .tp_methods = Finder_methods,
    .tp_init = (initproc)Finder_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef module = {
    .m_base = PyModuleDef_HEAD_INIT,
    .m_name = "_wordfind",
    .m_doc = "The watermark scanner's word search and prose marking, compiled.",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC PyInit__wordfind(void) {
    if (PyType_Ready(&FinderType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "CONTEXT", CONTEXT) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&FinderType);
    if (PyModule_AddObject(m, "Finder", (PyObject *)&FinderType) < 0) {
        Py_DECREF(&FinderType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

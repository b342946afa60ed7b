/* The watermark scanner's word search in C: the positions where the table's word pattern matches
 * (and find_any, its search for quotes, backticks and brackets).
 *
 * Same results as the Python WordFinder (gateway/watermark/wordfind.py) and as the pattern itself
 * (tests compare all three). A match at i needs: i == 0, whitespace or a `before` character at i - 1;
 * a table form at i; after it the end of the text, whitespace or an `after` character, but not a dot
 * followed by a word character. Forms are ASCII letters and apostrophes, at most two words joined by
 * one space, so the look-ahead can only pass at the end of the run of [A-Za-z'] that starts at i
 * (one-word forms) or at the end of the run after one space there (two-word forms); the regex tries
 * the longer first, and so does this. Runs are hashed while they are read and checked against a Bloom
 * filter of the forms; only the few that pass are looked up in the set of forms.
 *
 * Character classes are CPython's own (Py_UNICODE_ISSPACE for \s, Py_UNICODE_ISALNUM or "_" for \w),
 * so non-ASCII text gives the same answers as the pattern.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#define BLOOM_BITS (1u << 16)

typedef struct {
    PyObject_HEAD
    PyObject *forms;   /* frozenset of str */
    PyObject *before;  /* str: characters allowed before a word besides whitespace */
    PyObject *after;   /* str: characters allowed after a word besides whitespace */
    uint8_t bloom[BLOOM_BITS / 8];  /* hashes of the forms */
    uint8_t heads[BLOOM_BITS / 8];  /* hashes of the first words of two-word forms */
} Finder;

static inline uint32_t mix(uint32_t h, Py_UCS4 ch) { return (h ^ (uint32_t)ch) * 16777619u; }
static inline uint32_t slot(uint32_t h) { return (h ^ (h >> 16)) & (BLOOM_BITS - 1); }

static inline void set_bit(uint8_t *bits, uint32_t h) { bits[slot(h) >> 3] |= (uint8_t)(1u << (slot(h) & 7)); }
static inline int has_bit(const uint8_t *bits, uint32_t h) { return bits[slot(h) >> 3] & (1u << (slot(h) & 7)); }

static inline int form_char(Py_UCS4 ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '\'';
}

static int in_str(PyObject *chars, Py_UCS4 ch) {
    return PyUnicode_FindChar(chars, ch, 0, PyUnicode_GET_LENGTH(chars), 1) >= 0;
}

static void Finder_dealloc(Finder *self) {
    Py_XDECREF(self->forms);
    Py_XDECREF(self->before);
    Py_XDECREF(self->after);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int Finder_init(Finder *self, PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {"forms", "before", "after", NULL};
    PyObject *forms, *before, *after;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OUU", kwlist, &forms, &before, &after))
        return -1;
    PyObject *set = PyFrozenSet_New(forms);
    if (set == NULL)
        return -1;
    memset(self->bloom, 0, sizeof(self->bloom));
    memset(self->heads, 0, sizeof(self->heads));
    PyObject *it = PyObject_GetIter(set), *w;
    if (it == NULL) {
        Py_DECREF(set);
        return -1;
    }
    while ((w = PyIter_Next(it)) != NULL) {
        if (!PyUnicode_Check(w) || !PyUnicode_IS_ASCII(w) || PyUnicode_GET_LENGTH(w) == 0) {
            PyErr_Format(PyExc_ValueError, "table entry %R is not a non-empty ASCII str", w);
            Py_DECREF(w);
            break;
        }
        const Py_UCS1 *s = PyUnicode_1BYTE_DATA(w);
        Py_ssize_t n = PyUnicode_GET_LENGTH(w);
        uint32_t h = 2166136261u;
        int spaces = 0;
        for (Py_ssize_t k = 0; k < n; k++) {
            spaces += s[k] == ' ';
            int ok = form_char(s[k]) ? (k > 0 && s[k - 1] != ' ') || s[k] != '\'' /* words start with a letter */
                                     : s[k] == ' ' && k > 0 && k + 1 < n && s[k - 1] != ' ' && spaces == 1;
            if (!ok) {
                PyErr_Format(PyExc_ValueError, "table entry %R is not letters and apostrophes, at most two words", w);
                break;
            }
            if (s[k] == ' ')
                set_bit(self->heads, h);
            h = mix(h, s[k]);
        }
        if (PyErr_Occurred()) {
            Py_DECREF(w);
            break;
        }
        set_bit(self->bloom, h);
        Py_DECREF(w);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(set);
        return -1;
    }
    Py_XSETREF(self->forms, set);
    Py_INCREF(before);
    Py_XSETREF(self->before, before);
    Py_INCREF(after);
    Py_XSETREF(self->after, after);
    return 0;
}

/* 1 when text[i:e] is a form, 0 when not, -1 on error (h: the hash of text[i:e]). */
static int is_form(Finder *self, PyObject *text, Py_ssize_t i, Py_ssize_t e, uint32_t h) {
    if (!has_bit(self->bloom, h))
        return 0;
    PyObject *sub = PyUnicode_Substring(text, i, e);
    if (sub == NULL)
        return -1;
    int r = PySet_Contains(self->forms, sub);
    Py_DECREF(sub);
    return r;
}

/* The pattern's look-ahead at e: end, or whitespace / an `after` character, but not "." + word char. */
static int ends_word(Finder *self, int kind, const void *data, Py_ssize_t n, Py_ssize_t e) {
    if (e == n)
        return 1;
    Py_UCS4 c = PyUnicode_READ(kind, data, e);
    if (!(Py_UNICODE_ISSPACE(c) || in_str(self->after, c)))
        return 0;
    if (c == '.' && e + 1 < n) {
        Py_UCS4 d = PyUnicode_READ(kind, data, e + 1);
        if (Py_UNICODE_ISALNUM(d) || d == '_')
            return 0;
    }
    return 1;
}

static PyObject *Finder_positions(Finder *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs < 1 || nargs > 2 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "positions(text: str, pos: int = 0)");
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
    Py_UCS4 prev = pos > 0 ? PyUnicode_READ(kind, data, pos - 1) : ' ';
    Py_ssize_t i = pos;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        int starts = form_char(c) && c != '\'' &&
                     (i == 0 || Py_UNICODE_ISSPACE(prev) || in_str(self->before, prev));
        if (!starts) {
            prev = c;
            i++;
            continue;
        }
        /* the run of form characters from i: the only place a one-word form can end */
        uint32_t h = 2166136261u;
        Py_ssize_t e1 = i;
        while (e1 < n && form_char(c = PyUnicode_READ(kind, data, e1))) {
            h = mix(h, c);
            e1++;
        }
        Py_ssize_t end = -1;
        if (e1 + 1 < n && has_bit(self->heads, h) && PyUnicode_READ(kind, data, e1) == ' ' &&
            form_char(PyUnicode_READ(kind, data, e1 + 1))) {
            uint32_t h2 = mix(h, ' ');
            Py_ssize_t e2 = e1 + 1;
            while (e2 < n && form_char(c = PyUnicode_READ(kind, data, e2))) {
                h2 = mix(h2, c);
                e2++;
            }
            if (ends_word(self, kind, data, n, e2)) {
                int r = is_form(self, text, i, e2, h2);
                if (r < 0)
                    goto fail;
                if (r)
                    end = e2;
            }
        }
        if (end < 0 && ends_word(self, kind, data, n, e1)) {
            int r = is_form(self, text, i, e1, h);
            if (r < 0)
                goto fail;
            if (r)
                end = e1;
        }
        if (end >= 0) {
            PyObject *pair = Py_BuildValue("(nn)", i, end);
            if (pair == NULL || PyList_Append(out, pair) < 0) {
                Py_XDECREF(pair);
                goto fail;
            }
            Py_DECREF(pair);
        }
        /* no match can start inside the run (its characters are not separators): skip it */
        prev = PyUnicode_READ(kind, data, e1 - 1);
        i = e1;
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
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
    {NULL, NULL, 0, NULL},
};

static PyTypeObject FinderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "gateway.watermark._wordfind.Finder",
    .tp_basicsize = sizeof(Finder),
    .tp_dealloc = (destructor)Finder_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Finder(forms, before, after): the word search of the watermark scanner, compiled",
    .tp_methods = Finder_methods,
    .tp_init = (initproc)Finder_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef module = {
    .m_base = PyModuleDef_HEAD_INIT,
    .m_name = "_wordfind",
    .m_doc = "The watermark scanner's word search, compiled.",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC PyInit__wordfind(void) {
    if (PyType_Ready(&FinderType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&FinderType);
    if (PyModule_AddObject(m, "Finder", (PyObject *)&FinderType) < 0) {
        Py_DECREF(&FinderType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

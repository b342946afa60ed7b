/* Finder.mark: the marking of a prose stretch in C, the hot loop of gateway/watermark/scanner.py `scan`
 * with MarkingStream._on_word's rules (embed.py); the Python code stays the reference (property tests
 * compare both) and serves detection, the fragile channel's first word and builds without a compiler.
 *
 * mark(text, pos, limit, targets, out, copied) -> (pos, copied): every table word that starts in
 * [pos, limit) is checked and, when the account's target differs, its replacement goes to `out` (after
 * text[copied:start], the original text since the last replacement). `pos` comes back as the end of
 * the last word (a word may run past `limit`: "don't" at a quote), `copied` as the new copy point.
 * targets: bytes, per set the member to write, 255 for none.
 */
#include "_wordfind.h"

#define READ(k) PyUnicode_READ(kind, data, (k))

/* scanner._ARTICLE on prev = text[w0:pe]: "(?:^|[^\w])(?:a|an)\Z", ignoring case */
static int after_article(const Finder *f, int kind, const void *data, Py_ssize_t w0, Py_ssize_t pe) {
    if (pe <= w0)
        return 0;
    Py_UCS4 c = READ(pe - 1);
    Py_ssize_t a;  /* where the article starts */
    if (c == 'a' || c == 'A')
        a = pe - 1;
    else if ((c == 'n' || c == 'N') && pe - 2 >= w0 && (READ(pe - 2) == 'a' || READ(pe - 2) == 'A'))
        a = pe - 2;
    else
        return 0;
    return a == w0 || !is_word(READ(a - 1), f);
}

/* scanner._LINE_MARKER on prev = text[w0:pe]: "(?:\A|\n)[^\S\n]*(?:[-*+]|#{1,6})\Z" */
static int line_marker(const Finder *f, int kind, const void *data, Py_ssize_t w0, Py_ssize_t pe) {
    Py_ssize_t k = pe - 1;
    Py_UCS4 c = READ(k);
    if (c == '-' || c == '*' || c == '+')
        k--;
    else if (c == '#') {
        while (k >= w0 && READ(k) == '#')
            k--;
        if (pe - 1 - k > 6)  /* a longer run: the character before the last six is "#", not a space */
            return 0;
    } else
        return 0;
    while (k >= w0 && (c = READ(k)) != '\n' && is_space(c, f))
        k--;
    return k < w0 || READ(k) == '\n';
}

/* scanner._eligible's sentence start (for a Capitalised word at start, prev = text[w0:pe]) */
static int sentence_start(const Finder *f, int kind, const void *data, Py_ssize_t w0, Py_ssize_t pe,
                          Py_ssize_t start) {
    if (pe == w0)
        return 1;
    Py_UCS4 c = READ(pe - 1);
    if (c == '.' || c == '!' || c == '?')
        return 1;
    for (Py_ssize_t k = pe; k < start; k++)
        if (READ(k) == '\n')
            return 1;
    return (c == '-' || c == '*' || c == '+' || c == '#') && line_marker(f, kind, data, w0, pe);
}

static int append_slice(PyObject *out, PyObject *text, Py_ssize_t a, Py_ssize_t b) {
    if (a >= b)
        return 0;
    PyObject *s = PyUnicode_Substring(text, a, b);
    if (s == NULL)
        return -1;
    int r = PyList_Append(out, s);
    Py_DECREF(s);
    return r;
}

PyObject *Finder_mark(Finder *self, PyObject *const *args, Py_ssize_t nargs) {
    Py_ssize_t pos, limit, copied;
    if (nargs != 6 || !PyUnicode_Check(args[0]) || !PyBytes_Check(args[3]) || !PyList_Check(args[4])) {
        PyErr_SetString(PyExc_TypeError, "mark(text: str, pos: int, limit: int, targets: bytes, out: list, copied: int)");
        return NULL;
    }
    if ((pos = PyLong_AsSsize_t(args[1])) == -1 && PyErr_Occurred())
        return NULL;
    if ((limit = PyLong_AsSsize_t(args[2])) == -1 && PyErr_Occurred())
        return NULL;
    if ((copied = PyLong_AsSsize_t(args[5])) == -1 && PyErr_Occurred())
        return NULL;
    if (self->sets == NULL) {
        PyErr_SetString(PyExc_TypeError, "mark: this Finder was built without marking information");
        return NULL;
    }
    PyObject *text = args[0], *out = args[4];
    const uint8_t *targets = (const uint8_t *)PyBytes_AS_STRING(args[3]);
    if (PyBytes_GET_SIZE(args[3]) != self->nsets) {
        PyErr_SetString(PyExc_ValueError, "mark: one target per set");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (pos < 0 || copied < 0 || copied > pos || pos > n) {
        PyErr_SetString(PyExc_ValueError, "mark: 0 <= copied <= pos <= len(text)");
        return NULL;
    }
    if (limit > n)
        limit = n;
    int open = pos == 0 || opens(READ(pos - 1), self);
    Py_ssize_t i = pos;
    while (i < limit) {
        Py_UCS4 c = READ(i);
        if (!(open && c < 128 && (self->cls[c] & C_LETTER))) {
            open = opens(c, self);
            i++;
            continue;
        }
        Py_ssize_t end, run_end;
        Py_ssize_t k = wf_match_at(self, kind, data, n, i, &end, &run_end);
        if (k < 0) {
            open = opens(READ(run_end - 1), self);
            i = run_end;
            continue;
        }
        const Form *f = &self->forms[k];
        Py_ssize_t start = i;
        pos = i = end;  /* the next word is searched after this one, eligible or not */
        open = opens(READ(end - 1), self);
        int mixed = self->mixed[f->set_id], first = 0;
        if (mixed || (f->flags & F_UPPER0)) {
            Py_ssize_t w0 = start > CONTEXT ? start - CONTEXT : 0, pe = start;
            while (pe > w0 && is_space(READ(pe - 1), self))  /* prev = window.rstrip() */
                pe--;
            if (mixed && after_article(self, kind, data, w0, pe))
                continue;  /* "a enormous" would break the article */
            first = (f->flags & F_UPPER0) && sentence_start(self, kind, data, w0, pe, start);
        }
        uint8_t target = targets[f->set_id];
        if (target == 255 || target == f->member)
            continue;
        PyObject *members = PyTuple_GET_ITEM(self->sets, f->set_id);
        if (target >= PyTuple_GET_SIZE(members)) {
            PyErr_SetString(PyExc_ValueError, "mark: target beyond the set's members");
            return NULL;
        }
        PyObject *rep = NULL;
        if (f->flags & F_LOWER)
            rep = PyTuple_GET_ITEM(members, target);
        else if (first && (f->flags & F_CAPOK))
            rep = PyTuple_GET_ITEM(PyTuple_GET_ITEM(self->capitals, f->set_id), target);
        if (rep == NULL)
            continue;  /* ALL CAPS, mixed case or a mid-sentence name: left alone */
        if (append_slice(out, text, copied, start) < 0 || PyList_Append(out, rep) < 0)
            return NULL;
        copied = end;
    }
    return Py_BuildValue("(nn)", pos, copied);
}

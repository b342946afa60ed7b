"""Text pools and one timing helper for the `v3` variant (attacks_v3.py, personas_v3.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ or docs/extraction.md, and
did not run the detector. The pools are shared by the v3 attacks and the v3 benign personas, so that
topic, language or problem style alone separates neither: competition-style maths in eight languages
(en, es, it, zh, tr, pl, vi, id), algorithmic coding problems, tool sets for agents, support questions.
"""

from __future__ import annotations

import math
import random
from typing import Any

from benchmarks.traffic.context import DAY, Ctx

LANGS = ("en", "es", "it", "zh", "tr", "pl", "vi", "id")

MATH_EN = (
    "How many positive integers n <= {N} make n^2 + {a} divisible by {p}?",
    "A bag holds {r} red and {g} green marbles. Three are drawn without replacement. What is the probability "
    "that exactly two are green?",
    "Find the smallest positive integer k with {a}k = {b} (mod {p}).",
    "In triangle ABC, AB = {a}, AC = {b} and the angle at A is 60 degrees. Find BC.",
    "How many up/right lattice paths lead from (0,0) to ({x},{y}) without passing through ({x1},{y1})?",
    "The sequence u is defined by u_1 = {a} and u_(k+1) = {c}u_k - {b}. Find u_{n}.",
    "Prove that {a}^n - 1 is divisible by {a1} for every integer n >= 1.",
    "A loan of {P} dollars is repaid in {n} equal monthly instalments at {r}% a year, compounded monthly. "
    "How large is each instalment?",
    "How many positive divisors does {N} have, and what is their sum?",
    "Two runners start together on a {L} m circular track at {v1} m/s and {v2} m/s in the same direction. "
    "After how many seconds does the faster one first lap the slower one?",
    "Maximise {a}x + {b}y subject to x + y <= {c}, x <= {d}, x >= 0, y >= 0.",
    "A fair coin is tossed {n} times. What is the probability that no two consecutive tosses are both heads?",
    "Find the area of the region enclosed by y = x^2 and y = {a}x.",
    "What is the last digit of {a}^{N}?",
    "Find all real x with |x - {a}| + |x + {b}| = {s}.",
    "A committee of {k} is chosen from {m} women and {w} men. In how many ways can it include at least two women?",
    "Show that the product of any {k} consecutive integers is divisible by {k}!.",
    "A cone has slant height {sl} cm and base radius {r} cm. Find its volume.",
)
MATH_I18N: dict[str, tuple[str, ...]] = {
    "es": ("Resuelve el sistema {a}x + y = {b}, x - y = {c}.",
           "Una bolsa contiene {r} bolas rojas y {g} verdes. Se sacan dos sin reposición. ¿Cuál es la probabilidad "
           "de que ambas sean verdes?",
           "Calcula el área encerrada entre y = x^2 e y = {a}x.", "¿Cuántos divisores positivos tiene {N}?"),
    "it": ("Risolvi il sistema {a}x + y = {b}, x - y = {c}.",
           "Un'urna contiene {r} palline rosse e {g} verdi. Se ne estraggono due senza reimmissione: qual è la "
           "probabilità che siano entrambe verdi?",
           "Calcola l'area compresa tra y = x^2 e y = {a}x.", "Quanti divisori positivi ha {N}?"),
    "zh": ("解方程组：{a}x + y = {b}，x - y = {c}。", "袋中有{r}个红球和{g}个绿球，不放回地取出两个，求两个都是绿球的概率。",
           "求曲线 y = x^2 与直线 y = {a}x 所围成图形的面积。", "{N} 有多少个正因数？"),
    "tr": ("Denklem sistemini çözün: {a}x + y = {b}, x - y = {c}.",
           "Bir torbada {r} kırmızı ve {g} yeşil bilye var. İadesiz iki bilye çekiliyor. İkisinin de yeşil olma "
           "olasılığı nedir?",
           "y = x^2 ile y = {a}x arasında kalan alanı bulun.", "{N} sayısının kaç pozitif böleni vardır?"),
    "pl": ("Rozwiąż układ równań {a}x + y = {b}, x - y = {c}.",
           "W urnie jest {r} kul czerwonych i {g} zielonych. Losujemy dwie bez zwracania. Jakie jest "
           "prawdopodobieństwo, że obie są zielone?",
           "Oblicz pole obszaru ograniczonego krzywymi y = x^2 i y = {a}x.",
           "Ile dodatnich dzielników ma liczba {N}?"),
    "vi": ("Giải hệ phương trình {a}x + y = {b}, x - y = {c}.",
           "Một túi có {r} bi đỏ và {g} bi xanh. Lấy ngẫu nhiên hai bi không hoàn lại. Tính xác suất để cả hai "
           "bi đều xanh.",
           "Tính diện tích hình phẳng giới hạn bởi y = x^2 và y = {a}x.", "Số {N} có bao nhiêu ước nguyên dương?"),
    "id": ("Selesaikan sistem persamaan {a}x + y = {b}, x - y = {c}.",
           "Sebuah kantong berisi {r} bola merah dan {g} bola hijau. Dua bola diambil tanpa pengembalian. Berapa "
           "peluang keduanya hijau?",
           "Hitung luas daerah yang dibatasi oleh y = x^2 dan y = {a}x.", "Berapa banyak faktor positif dari {N}?"),
}

CODE_PROBLEMS = (
    "Given an array of up to {n} integers, count pairs (i, j), i < j, whose sum is divisible by {k}.",
    "Given a string of length up to {n}, find the shortest substring that contains every distinct character.",
    "A {r}x{c} grid has walls; find the minimum number of walls to remove to get from the top-left to the "
    "bottom-right cell.",
    "Given {n} intervals, select the largest set of pairwise non-overlapping ones.",
    "Return the k-th smallest key of a binary search tree with up to {n} nodes, in O(h + k).",
    "Find the longest path in a weighted DAG with {n} nodes and {m} edges.",
    "Schedule {n} unit-time jobs with deadlines and profits to maximise total profit.",
    "Count binary strings of length {n} with no {k} consecutive ones, modulo 1e9+7.",
    "Answer {m} lowest-common-ancestor queries on a tree with {n} nodes.",
    "Design a structure with insert, delete and get_random, each in O(1) on average.",
    "Given {n} points in the plane, find the pair with the smallest Euclidean distance.",
    "Split an array of {n} positive integers into {k} contiguous parts minimising the largest part sum.",
    "Count the distinct palindromic substrings of a string of length up to {n}.",
    "Given a directed graph with {n} nodes, list its strongly connected components.",
)
PROG_LANGS = ("Python", "C++", "Rust", "Go", "Kotlin", "Java")

# One capability, algorithmic coding, as a grid (used by the taxonomy campaign).
ALGO_FAMILIES = ("two pointers", "sliding window", "prefix sums", "binary search on the answer", "monotonic stack",
                 "union-find", "topological sort", "shortest paths", "minimum spanning tree", "interval DP",
                 "bitmask DP", "digit DP", "segment tree", "Fenwick tree", "string hashing", "KMP / Z-function",
                 "max flow", "greedy with exchange argument")
REGIMES = ("n <= 20", "n <= 2000", "n <= 2*10^5", "n <= 10^6 with tight memory", "online queries, q <= 10^5")
TIERS = ("warm-up", "contest medium", "contest hard")

AGENT_TOOLSETS: dict[str, tuple[tuple[str, str], ...]] = {
    "repo": (("grep_repo", "Search the repository for a regular expression."),
             ("open_file", "Return the contents of a file by path and line range."),
             ("apply_patch", "Apply a unified diff to the working tree."),
             ("run_tests", "Run the test suite, optionally filtered by a pattern.")),
    "browser": (("web_search", "Search the web and return the top results."),
                ("open_url", "Fetch a page and return its readable text."),
                ("extract_table", "Extract an HTML table from a fetched page as CSV.")),
    "data": (("describe_table", "Return the schema and row count of a warehouse table."),
             ("sql_query", "Run a read-only SQL query and return up to 200 rows."),
             ("make_chart", "Render a chart from a result set and return its URL.")),
    "ops": (("kubectl_get", "List Kubernetes resources in a namespace."),
            ("fetch_logs", "Return recent log lines for a service."),
            ("rollback", "Roll a deployment back to a previous revision."),
            ("post_status", "Post a status update to the incident channel.")),
}
AGENT_TASKS: dict[str, tuple[str, ...]] = {
    "repo": ("The {w} endpoint returns 500 when the payload is empty; find the cause and patch it.",
             "Add pagination to the {w} listing and make the existing tests pass.",
             "Upgrade the {w} client to the new API version and fix whatever breaks."),
    "browser": ("Find the three most cited papers on {w} since 2022 and summarise their methods.",
                "Compare the pricing pages of two {w} vendors and build a table of the differences.",
                "Collect the official {w} statistics for the last five years from government sites."),
    "data": ("Which {w} cohort had the worst 30-day retention last quarter, and why?",
             "Build a weekly chart of {w} revenue and flag any anomalies.",
             "Reconcile the {w} totals between the orders and invoices tables."),
    "ops": ("Latency on the {w} service doubled after the last deploy; investigate and mitigate.",
            "Pods of {w} keep restarting in staging; find out why.",
            "Check whether the {w} incident is resolved and post an update."),
}
TOPIC_WORDS = ("billing", "search", "checkout", "onboarding", "telemetry", "inventory", "payments", "auth",
               "notifications", "reporting", "solar energy", "battery recycling", "protein folding", "urban heat")

SUPPORT_I18N: dict[str, tuple[str, ...]] = {
    "en": ("My order hasn't arrived and the tracking hasn't updated in a week.", "How do I change the card on file?",
           "I was charged twice this month, can you help?", "I can't log in after resetting my password."),
    "es": ("Mi pedido no ha llegado y el seguimiento no se actualiza.", "¿Cómo cambio la tarjeta de pago?",
           "Me cobraron dos veces este mes.", "No puedo entrar después de cambiar la contraseña."),
    "it": ("Il mio ordine non è ancora arrivato.", "Come posso cambiare la carta di pagamento?",
           "Mi avete addebitato due volte questo mese.", "Non riesco ad accedere dopo il reset della password."),
    "zh": ("我的订单一周了还没到，物流也不更新。", "怎么更换绑定的银行卡？", "这个月被重复扣款了。", "重置密码后无法登录。"),
    "tr": ("Siparişim hâlâ gelmedi, kargo takibi güncellenmiyor.", "Kayıtlı kartımı nasıl değiştiririm?",
           "Bu ay iki kez ücret alındı.", "Şifremi sıfırladıktan sonra giriş yapamıyorum."),
    "pl": ("Moje zamówienie nie dotarło, a śledzenie się nie aktualizuje.", "Jak zmienić zapisaną kartę?",
           "W tym miesiącu pobrano opłatę dwa razy.", "Nie mogę się zalogować po zmianie hasła."),
    "vi": ("Đơn hàng của tôi chưa đến và không cập nhật vận chuyển.", "Làm sao để đổi thẻ thanh toán?",
           "Tháng này tôi bị trừ tiền hai lần.", "Tôi không đăng nhập được sau khi đặt lại mật khẩu."),
    "id": ("Pesanan saya belum sampai dan pelacakan tidak berubah.", "Bagaimana cara mengganti kartu pembayaran?",
           "Saya ditagih dua kali bulan ini.", "Saya tidak bisa masuk setelah reset kata sandi."),
}

# How people ask, in their own words, for a complete worked solution (benign look-alikes, all languages).
WORKED_ASKS: dict[str, tuple[str, ...]] = {
    "en": ("can you do the full solution? i need to hand in the working", "how do you get there, every step please",
           "i got a different answer, can you solve it properly so i can compare",
           "pls write it out like the teacher would on the board", "what's the method here? full working pls"),
    "es": ("¿me lo resuelves entero? tengo que entregar el procedimiento",
           "no entiendo cómo se hace, ¿me lo explicas?"),
    "it": ("me lo risolvi per intero? devo consegnare tutti i passaggi", "non capisco come si fa, me lo spieghi?"),
    "zh": ("能写一下完整的解题过程吗？老师要看过程", "这题怎么做？看不懂"),
    "tr": ("tam çözümünü yazar mısın? işlemleri de teslim etmem lazım", "bunu nasıl yapıyoruz anlamadım"),
    "pl": ("możesz rozwiązać całe? muszę oddać obliczenia", "nie rozumiem jak to zrobić, wytłumaczysz?"),
    "vi": ("giải giúp mình đầy đủ với, cô bắt nộp cả cách làm", "bài này làm sao vậy, mình không hiểu"),
    "id": ("bisa tolong dikerjakan lengkap? caranya harus dikumpulkan", "ini gimana caranya ya, nggak ngerti"),
}


def _nums(rng: random.Random) -> dict[str, Any]:
    a, b, c, d = (rng.randint(2, 60) for _ in range(4))
    x, y, r = rng.randint(3, 9), rng.randint(3, 9), rng.randint(2, 9)
    return dict(a=a, b=b, c=c, d=d, a1=a - 1, sl=r + a, N=rng.choice((360, 720, 840, 1000, 2024, 5040, 9240, 10**4)),
                p=rng.choice((7, 11, 13, 17, 19, 23)), r=r, g=rng.randint(2, 9), x=x, y=y,
                x1=rng.randint(1, x - 1), y1=rng.randint(1, y - 1), n=rng.randint(4, 14), k=rng.randint(3, 6),
                P=rng.choice((5000, 12000, 25000, 180000)), L=rng.choice((200, 400, 600)), v1=rng.randint(5, 9),
                v2=rng.randint(2, 4), s=rng.randint(a + b + 1, a + b + 40), m=rng.randint(4, 9), w=rng.randint(4, 9))


def maths(rng: random.Random, lang: str = "en") -> str:
    stems = MATH_EN if lang == "en" else MATH_I18N[lang]
    return rng.choice(stems).format(**_nums(rng))


def coding(rng: random.Random, lang: str | None = None) -> str:
    text = rng.choice(CODE_PROBLEMS).format(
        n=rng.choice((10**3, 10**5, 2 * 10**5, 10**6)), k=rng.randint(2, 9), r=rng.randint(50, 1000),
        c=rng.randint(50, 1000), m=rng.choice((10**4, 10**5)))
    return f"{text} Language: {lang or rng.choice(PROG_LANGS)}."


def filler(rng: random.Random, words: int) -> str:
    """Plausible business prose for tool results, documents and candidate answers."""
    pool = ("the", "request", "latency", "service", "table", "rows", "customer", "deploy", "error", "rate", "was",
            "increased", "after", "version", "config", "region", "total", "invoice", "cohort", "retention", "week",
            "returned", "timeout", "cache", "query", "value", "report", "team", "owner", "status", "changed")
    return " ".join(rng.choice(pool) for _ in range(words)).capitalize() + "."


def shaped_times(ctx: Ctx, tz: float, per_day: float, busy: tuple[float, float] = (8, 20), quiet: float = 0.25,
                 start: float | None = None, end: float | None = None) -> list[float]:
    """Inhomogeneous Poisson arrivals: full rate during the local `busy` hours (time zone `tz`), `quiet` of it
    outside them, normalised so the mean is `per_day`; a smooth ramp at the edges, no fixed spacing."""
    rng = ctx.rng
    lo, hi = busy
    span = (hi - lo) % 24 or 24

    def weight(ts: float) -> float:
        h = ((ts - ctx.start) / 3600 + tz) % 24
        inside = (h - lo) % 24 < span
        edge = min((h - lo) % 24, (hi - h) % 24)
        ramp = min(1.0, edge / 1.5) if inside else 0.0
        return quiet + (1 - quiet) * ramp

    peak = per_day * 24 / (span + quiet * (24 - span)) / DAY  # arrivals per second at full weight
    t = start if start is not None else ctx.start
    stop = end if end is not None else ctx.end
    out = []
    while True:
        t += -math.log(1.0 - rng.random()) / peak
        if t >= stop:
            return out
        if rng.random() < weight(t):
            out.append(t)

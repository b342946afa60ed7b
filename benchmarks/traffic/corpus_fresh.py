"""Text pools for the `fresh` variant: problems and everyday questions in several languages.

Written without access to the detector's lexicon (see attacks_fresh.py); shared by the fresh attack
campaigns and the fresh benign personas so that language alone separates neither.
"""

from __future__ import annotations

import random

from benchmarks.traffic import corpus as C

LANGS = ("en", "de", "fr", "pt", "ja", "ru", "ko")

MATH_STEMS_I18N: dict[str, tuple[str, ...]] = {
    "de": (
        "Ein Zug fährt {a} km in {b} Stunden. Wie weit kommt er bei gleicher Geschwindigkeit in {c} Stunden?",
        "Löse die Gleichung {a}x + {b} = {c}.",
        "Bestimme die Ableitung von f(x) = {a}x^{b} - {c}x.",
        "Wie groß ist die Wahrscheinlichkeit, mit zwei Würfeln die Augensumme {s} zu werfen?",
        "Ein Rechteck hat den Umfang {p} cm und eine Seite von {a} cm. Wie groß ist die Fläche?",
    ),
    "fr": (
        "Résoudre l'équation {a}x + {b} = {c}.",
        "Un rectangle a un périmètre de {p} cm et un côté de {a} cm. Quelle est son aire ?",
        "Calculer l'intégrale de x^{b} entre 0 et {a}.",
        "De combien de façons peut-on asseoir {n} personnes autour d'une table ronde ?",
        "Un robinet remplit une cuve en {a} heures, un autre en {b} heures. Combien de temps faut-il aux deux ?",
    ),
    "pt": (
        "Resolva a equação {a}x + {b} = {c}.",
        "Qual é a probabilidade de obter soma {s} ao lançar dois dados?",
        "Uma torneira enche um tanque em {a} horas e outra em {b} horas. Em quanto tempo as duas juntas o enchem?",
        "Se {a}% de um número é {c}, qual é o número?",
        "Encontre o {n}º termo da progressão aritmética {a}, {a2}, {a3}, ...",
    ),
    "ja": (
        "方程式 {a}x + {b} = {c} を解きなさい。",
        "関数 f(x) = {a}x^{b} + {c}x を微分しなさい。",
        "2つのサイコロを投げたとき、目の和が{s}になる確率を求めよ。",
        "{n}人が円卓に座る座り方は何通りあるか。",
        "周の長さが{p}cmで、1辺が{a}cmの長方形の面積を求めよ。",
    ),
    "ru": (
        "Решите уравнение {a}x + {b} = {c}.",
        "Найдите производную функции f(x) = {a}x^{b} - {c}x.",
        "Сколькими способами можно рассадить {n} человек за круглым столом?",
        "Поезд проходит {a} км за {b} ч. Какое расстояние он пройдёт за {c} ч с той же скоростью?",
        "Найдите остаток от деления {big} на {a}.",
    ),
    "ko": (
        "방정식 {a}x + {b} = {c}를 푸시오.",
        "두 개의 주사위를 던질 때 눈의 합이 {s}가 될 확률을 구하시오.",
        "함수 f(x) = {a}x^{b} + {c}x의 도함수를 구하시오.",
        "둘레가 {p}cm이고 한 변의 길이가 {a}cm인 직사각형의 넓이를 구하시오.",
        "{n}명이 원탁에 앉는 방법의 수를 구하시오.",
    ),
}

# Everyday questions people type in their own language (benign multilingual chat).
CHAT_I18N: dict[str, tuple[str, ...]] = {
    "de": ("Was kann ich heute Abend kochen, wenn ich nur Reis, Eier und Paprika habe?",
           "Kannst du mir helfen, eine Kündigung für mein Fitnessstudio zu schreiben?",
           "Welche Sehenswürdigkeiten lohnen sich in Hamburg an einem Wochenende?",
           "Wie erkläre ich meinem Vermieter höflich, dass die Heizung seit einer Woche kaputt ist?"),
    "fr": ("Tu peux m'aider à écrire un message d'anniversaire pour ma sœur ?",
           "Quelle est la différence entre un PEA et une assurance-vie ?",
           "Des idées de sorties avec des enfants à Lyon quand il pleut ?",
           "Comment enlever une tache de café sur un canapé en tissu ?"),
    "pt": ("Me dá ideias de presente para o dia dos pais, até 150 reais?",
           "Como faço para tirar o cheiro de mofo do guarda-roupa?",
           "Quais são os documentos para tirar passaporte?",
           "Escreve uma mensagem educada pra cobrar um cliente atrasado?"),
    "ja": ("週末に東京で子供と行けるおすすめの場所はありますか？",
           "上司に有給休暇をお願いするメールの例文を書いてください。",
           "カレーを作るときに隠し味になるものを教えて。",
           "引っ越しの前にやることリストを作ってください。"),
    "ru": ("Что подарить коллеге на день рождения, если бюджет небольшой?",
           "Как вежливо отказаться от приглашения на свадьбу?",
           "Помоги составить план тренировок для новичка на три дня в неделю.",
           "Почему у меня вянут листья у фикуса?"),
    "ko": ("부모님 결혼기념일 선물 추천해 줄래?",
           "자기소개서 첫 문장을 어떻게 쓰면 좋을까?",
           "제주도 3박 4일 여행 일정 짜줘.",
           "고양이가 밥을 잘 안 먹을 때는 어떻게 해야 해?"),
}

FOLLOWUPS_I18N: dict[str, tuple[str, ...]] = {
    "de": ("Danke! Geht das auch kürzer?", "Und was wäre die günstigere Variante?", "Super, danke dir."),
    "fr": ("Merci ! Tu peux faire plus court ?", "Et si j'ai un petit budget ?", "Parfait, merci."),
    "pt": ("Valeu! Pode resumir?", "E se for mais barato?", "Perfeito, obrigado."),
    "ja": ("ありがとう！もう少し短くできる？", "予算が少ない場合は？", "助かりました。"),
    "ru": ("Спасибо! А можно короче?", "А если бюджет меньше?", "Отлично, спасибо."),
    "ko": ("고마워! 좀 더 짧게 해 줄래?", "예산이 적으면?", "좋아, 고마워."),
}

# How students ask for an explanation in their own words, per language (benign look-alikes).
STUDENT_ASKS_I18N: dict[str, tuple[str, ...]] = {
    "en": ("how do you even start this one?", "can u explain how to get the answer, i keep getting it wrong",
           "my teacher says the answer is different from mine, where did i mess up?",
           "explain it like im 12 pls", "what's the trick here", "can you show me the working so i can copy the method",
           "i have a test tomorrow, how do i do these"),
    "de": ("Kannst du mir erklären, wie man das rechnet?", "Ich verstehe den Rechenweg nicht, hilfst du mir?"),
    "fr": ("Tu peux m'expliquer comment on fait ?", "Je comprends pas la méthode, tu peux m'aider ?"),
    "pt": ("Alguém me explica como resolve isso?", "Não entendi a resolução, pode me ajudar?"),
    "ja": ("この問題の解き方を教えてください。", "なぜこの答えになるのかわかりません。"),
    "ru": ("Объясните, пожалуйста, как это решать.", "Не понимаю, как тут получить ответ."),
    "ko": ("이 문제 어떻게 풀어요?", "왜 이 답이 나오는지 모르겠어요."),
}

# A topic taxonomy distinct from corpus.TAXONOMY, and facets of each topic.
FIELDS = ("contract law", "pharmacology", "control theory", "signal processing", "econometrics",
          "inorganic chemistry", "fluid dynamics", "game theory", "formal languages", "abstract algebra",
          "real analysis", "epidemiology", "immunology", "materials science", "information theory",
          "convex optimization", "bayesian statistics", "computer architecture", "numerical methods",
          "plate tectonics", "population genetics", "relational algebra", "queueing theory", "optics")
FACETS = ("a definition with a motivating example", "a hard exercise and its solution",
          "a typical exam trap and why students fall for it", "a derivation of the central formula",
          "a comparison of two competing approaches", "a counterexample to a plausible claim",
          "a numerical worked case", "an application in industry")


def math_problem(rng: random.Random, lang: str) -> str:
    """A maths problem in `lang` ("en" uses corpus.math_problem's English stems)."""
    if lang == "en":
        return C.math_problem(rng)
    stem = rng.choice(MATH_STEMS_I18N[lang])
    a, b, c = (rng.randint(2, 99) for _ in range(3))
    return stem.format(a=a, b=b, c=c, s=rng.randint(2, 12), p=2 * a + rng.randint(4, 60), n=rng.randint(3, 12),
                       big=rng.randint(10**5, 10**9), a2=a + b, a3=a + 2 * b)

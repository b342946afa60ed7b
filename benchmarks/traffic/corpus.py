"""Text pools for synthetic prompts, generated from small vocabularies with a seeded RNG."""

from __future__ import annotations

import random

MATH_STEMS = (
    "A train travels {a} km in {b} hours. At the same speed, how far does it go in {c} hours?",
    "Solve for x: {a}x + {b} = {c}.",
    "Find the derivative of f(x) = {a}x^{b} + {c}x - {d}.",
    "What is the probability of rolling a sum of {s} with two fair dice?",
    "A rectangle has a perimeter of {p} cm and one side of {a} cm. What is its area?",
    "How many ways can {n} people sit around a round table?",
    "Compute the integral of x^{b} from 0 to {a}.",
    "Prove that the sum of the first {n} odd numbers equals {n}^2.",
    "A shop sells pens at {a} dollars each and notebooks at {b} dollars. Sam buys {c} pens and {d} notebooks. "
    "How much does he spend?",
    "What is the remainder when {big} is divided by {a}?",
    "Find all integer solutions of x^2 - {s}x + {c} = 0.",
    "A tank fills in {a} hours with pipe A and {b} hours with pipe B. How long with both?",
    "If {a}% of a number is {c}, what is the number?",
    "The angles of a triangle are in the ratio {a}:{b}:{c}. Find the largest angle.",
    "Evaluate the limit as x approaches 0 of sin({a}x)/({b}x).",
    "Find the {n}th term of the arithmetic sequence {a}, {a2}, {a3}, ...",
    "What is the expected number of coin flips to get {a} heads in a row?",
    "Determine the eigenvalues of the matrix [[{a}, {b}], [{c}, {d}]].",
)
CODE_TASKS = (
    "reverses a linked list", "checks whether a string is a palindrome", "merges two sorted arrays",
    "finds the longest common subsequence of two strings", "implements an LRU cache", "parses a CSV line with quotes",
    "computes the nth Fibonacci number in O(log n)", "detects a cycle in a directed graph",
    "implements binary search on a rotated array", "serializes a binary tree to a string",
    "counts islands in a grid", "validates an email address", "implements a rate limiter with a token bucket",
    "finds the k most frequent words in a text", "flattens a nested list", "computes the edit distance of two words",
    "implements Dijkstra's shortest path", "groups anagrams together", "evaluates a postfix expression",
    "finds the median of two sorted arrays", "implements a trie with insert and search",
    "rotates a matrix by 90 degrees", "deduplicates records by key keeping the newest",
)
LANGS = ("Python", "JavaScript", "Go", "Rust", "Java", "C++", "TypeScript")
SCIENCE = (
    "Why does ice float on water?", "How does an enzyme lower activation energy?",
    "What determines the velocity of a wave on a string?", "Explain how DNA replication works.",
    "Why is the sky blue?", "How do vaccines train the immune system?", "What is quantum tunnelling?",
    "How does a catalytic converter work?", "What causes the seasons on Earth?",
    "How does a cell membrane control what enters the cell?", "What is the photoelectric effect?",
    "How do batteries store energy?", "Why do heavier atoms undergo fission?",
)
CHAT = (
    "What are some good gift ideas for my dad who likes fishing?", "Can you recommend a few sci-fi novels?",
    "How do I get red wine out of a carpet?", "What should I pack for a week in Lisbon in April?",
    "Help me plan a birthday party for a 7 year old.", "Is it better to rent or buy a house right now?",
    "What's a good beginner workout routine?", "How do I politely decline a wedding invitation?",
    "What are the pros and cons of electric cars?", "Suggest a name for my bakery.",
    "How long should I boil an egg for a runny yolk?", "What's the difference between a latte and a flat white?",
    "Give me ideas for a team offsite.", "How can I sleep better?", "What is a good way to learn Spanish?",
    "Can you explain how mortgages work?", "What are some fun things to do in Tokyo?",
    "My cat keeps scratching the sofa, what can I do?", "How do I ask my boss for a raise?",
    "What are some healthy lunch ideas?", "Tell me a fun fact about octopuses.",
    "How do I start journaling?", "What's the history of the Eiffel Tower?", "How do I fix a leaky tap?",
)
FOLLOWUPS = ("Thanks! Can you make it shorter?", "Can you give me more detail on the second point?",
             "What about on a budget?", "Hmm, that doesn't seem right. Are you sure?", "Great, and what else?",
             "Can you explain that differently?", "ok and how would that work in practice", "why?")
WRITING = ("Write a short poem about {t}.", "Draft an email to my team about {t}.", "Write a blog post intro about {t}.",
           "Rewrite this paragraph to sound more professional: {doc}", "Write a story for kids about {t}.")
TOPICS = ("autumn", "our new office", "remote work", "a lost dog", "the ocean", "friendship", "coffee",
          "the quarterly results", "a robot learning to paint", "moving to a new city", "mountains")
WORDS = ("the market data system customer report growth quarter team product launch revenue users feature "
         "release support analysis policy energy city council project budget research study results climate "
         "health school students program community service network security cloud platform model").split()
REVIEWS_POS = ("loved it", "great value", "works perfectly", "fast shipping", "would buy again", "excellent quality")
REVIEWS_NEG = ("broke after a week", "terrible support", "not as described", "waste of money", "arrived late")
TAXONOMY = ("organic chemistry", "quantum mechanics", "number theory", "operating systems", "compilers",
            "thermodynamics", "graph theory", "molecular biology", "statistics", "databases",
            "computer networks", "linear algebra", "cryptography", "electromagnetism", "genetics", "topology",
            "distributed systems", "microeconomics", "astrophysics", "machine learning")
SUBTOPICS = ("core definitions", "a worked example", "common misconceptions", "an advanced result",
             "an exam-style problem", "edge cases", "historical development", "a proof sketch")


def math_problem(rng: random.Random) -> str:
    stem = rng.choice(MATH_STEMS)
    a, b, c, d = (rng.randint(2, 99) for _ in range(4))
    return stem.format(a=a, b=b, c=c, d=d, s=rng.randint(2, 12), p=2 * a + rng.randint(4, 60), n=rng.randint(3, 12),
                       big=rng.randint(10**5, 10**9), a2=a + b, a3=a + 2 * b)


def code_task(rng: random.Random) -> str:
    return f"Write a {rng.choice(LANGS)} function that {rng.choice(CODE_TASKS)}."


def document(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        ws = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
        out.append(" ".join(ws).capitalize() + ".")
    return " ".join(out)


def casual(rng: random.Random, text: str) -> str:
    """People type: lower case, missing punctuation, small additions."""
    r = rng.random()
    if r < 0.25:
        text = text.lower()
    if rng.random() < 0.2:
        text = text.rstrip(".?") + rng.choice((" pls", " thanks", " :)", "??", ""))
    if rng.random() < 0.15:
        text = rng.choice(("hey ", "quick question: ", "hi, ", "so ")) + text
    return text

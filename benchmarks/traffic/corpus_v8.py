"""Text pools for the `v8` variant (attacks_v8.py, personas_v8.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant test)
or docs/extraction.md, never ran the detector and tuned nothing against a detector result. Shared by the v8
attacks and the v8 benign personas, so that topic, language or problem style alone separates neither:
physics and engineering problems (each English stem in a formal and a chatty wording, with a swappable cover
object, so one problem can be re-skinned per account) and statistics problems; the physics stems most used in
class also in Norwegian Bokmal, Slovak, Lithuanian, Afrikaans, Galician and Telugu; contract clauses x
jurisdictions x fact patterns (legal reasoning as one capability grid); a seven-domain tool catalogue for agents;
indirect elicitation phrasings and follow-ups ("now verify", "now an alternative") in all seven languages.
"""

from __future__ import annotations

import random
from typing import Any

from benchmarks.traffic.corpus_v6 import tools_anthropic, tools_responses  # noqa: F401 (attacks_v8, personas_v8)

LANGS = ("en", "nb", "sk", "lt", "af", "gl", "te")

# ---- physics and engineering: (formal wording, chatty wording), cover objects ----
PHYS_EN: tuple[tuple[tuple[str, str], tuple[str, ...]], ...] = (
    (("A {thing} starts from rest and accelerates uniformly to {v} m/s in {t} s. How far does it travel in that "
      "time, and what is its acceleration?",
      "a {thing} goes from standing still to {v} m/s in {t} seconds, constant acceleration. distance covered, and "
      "the acceleration?"),
     ("delivery van", "sprinter", "lift cage", "toy car", "cable car", "e-scooter", "tram")),
    (("A {thing} is launched at {v} m/s at {ang} degrees above the horizontal from ground level. Find its range and "
      "its maximum height (take g = 9.8 m/s^2).",
      "{thing} launched at {v} m/s, {ang} deg up from flat ground. how far does it land and how high does it get? "
      "g=9.8"),
     ("football", "water jet", "golf ball", "stone", "rescue flare", "shot put")),
    (("A {m} kg {thing} slides down a {ang}-degree slope with a coefficient of kinetic friction of {mu}. What is its "
      "acceleration, and how fast is it moving after {d} m if it started at rest?",
      "{m} kg {thing} on a {ang} degree slope, mu_k = {mu}, let go from rest. acceleration? speed after {d} m?"),
     ("crate", "sled", "parcel", "box of books", "wheelie bin", "ski trainee")),
    (("In a {thing}, resistors of {r1} ohm and {r2} ohm in parallel are connected in series with a {r3} ohm "
      "resistor across a {V} V supply. Find the current through each resistor and the total power drawn.",
      "{thing} circuit: {r1} and {r2} ohm in parallel, that pair in series with {r3} ohm, {V} V across it all. "
      "current in each resistor + total power?"),
     ("bike light", "model railway", "doorbell", "sensor board", "greenhouse heater", "toy robot")),
    (("How much energy is needed to heat {m} kg of {thing} from {T1} C to {T2} C, and how long does a {P} W heater "
      "take to do it if it is {eff}% efficient?",
      "heating {m} kg of {thing} from {T1} to {T2} degrees C with a {P} W heater at {eff}% efficiency. energy "
      "needed and time taken?"),
     ("water", "cooking oil", "aluminium", "milk", "soup", "sea water")),
    (("A {m1} kg {thing} moving at {v} m/s collides with a stationary {m2} kg {thing} and the two move off "
      "together. Find their common speed and the kinetic energy lost in the collision.",
      "{m1} kg {thing} at {v} m/s hits a {m2} kg {thing} at rest, they stick together. final speed? how much KE is "
      "lost?"),
     ("trolley", "railway wagon", "bumper car", "ice puck", "shopping cart", "curling stone")),
    (("A {m} kg {thing} hangs on a spring of stiffness {k} N/m. It is pulled {d} cm below equilibrium and released. "
      "Find the period, the maximum speed and the maximum acceleration.",
      "{m} kg {thing} on a {k} N/m spring, pulled down {d} cm and let go. period, max speed, max acceleration?"),
     ("mass", "bird feeder", "lamp", "bucket", "test weight", "seat")),
    (("A {thing} has a small hole {h} m below the water surface. How fast does the water leave the hole, and what "
      "is the flow rate if the hole has an area of {a} cm^2?",
      "{thing} with a hole {h} m under the waterline. exit speed of the water? flow rate through {a} cm^2?"),
     ("water tower", "rain barrel", "swimming pool", "fish tank", "cattle trough", "dam wall")),
    (("An object is placed {d} cm in front of a converging lens of focal length {f} cm in a {thing}. Where is the "
      "image, what is the magnification, and is the image real or virtual?",
      "{thing}: object {d} cm from a converging lens, f = {f} cm. image position, magnification, real or virtual?"),
     ("slide projector", "magnifying glass", "camera", "microscope eyepiece", "webcam", "telescope")),
    (("A {thing} of radius {r} cm spins up from rest to {rpm} rpm in {t} s at constant angular acceleration. Find "
      "the angular acceleration and the number of revolutions it makes.",
      "{thing}, radius {r} cm, goes from 0 to {rpm} rpm in {t} s evenly. angular acceleration? how many turns?"),
     ("flywheel", "washing-machine drum", "potter's wheel", "hard disk platter", "grinding wheel", "fan")),
)
# Stems 0, 3, 4, 5 (kinematics, circuits, heating, collision) in the other six languages, same slots.
I18N_STEMS = (0, 3, 4, 5)
PHYS_I18N: dict[str, tuple[str, ...]] = {
    "nb": ("En bil starter fra ro og akselererer jevnt til {v} m/s på {t} s. Hvor langt kjører den i løpet av "
           "denne tiden, og hva er akselerasjonen?",
           "To motstander på {r1} ohm og {r2} ohm er koblet i parallell, og i serie med en motstand på {r3} ohm over "
           "en spenningskilde på {V} V. Finn strømmen gjennom hver motstand og den totale effekten.",
           "Hvor mye energi trengs for å varme {m} kg vann fra {T1} C til {T2} C, og hvor lang tid bruker en "
           "varmeovn på {P} W med {eff} % virkningsgrad?",
           "En vogn på {m1} kg med fart {v} m/s kolliderer med en vogn på {m2} kg i ro, og de fortsetter sammen. "
           "Finn felles fart og tapet av kinetisk energi."),
    "sk": ("Auto sa rozbieha z pokoja rovnomerne zrýchleným pohybom a za {t} s dosiahne rýchlosť {v} m/s. Akú "
           "dráhu prejde za tento čas a aké je jeho zrýchlenie?",
           "Rezistory {r1} ohm a {r2} ohm sú zapojené paralelne a sériovo s rezistorom {r3} ohm k zdroju s napätím "
           "{V} V. Určte prúd cez každý rezistor a celkový výkon.",
           "Koľko energie treba na ohriatie {m} kg vody z {T1} C na {T2} C a ako dlho to potrvá ohrievaču s "
           "príkonom {P} W a účinnosťou {eff} %?",
           "Vozík s hmotnosťou {m1} kg idúci rýchlosťou {v} m/s narazí do stojaceho vozíka s hmotnosťou {m2} kg a "
           "ďalej sa pohybujú spolu. Určte ich spoločnú rýchlosť a stratu kinetickej energie."),
    "lt": ("Automobilis pajuda iš rimties ir tolygiai greitėdamas per {t} s pasiekia {v} m/s greitį. Kokį kelią "
           "jis nuvažiuoja per tą laiką ir koks jo pagreitis?",
           "Lygiagrečiai sujungti {r1} omų ir {r2} omų rezistoriai nuosekliai sujungti su {r3} omų rezistoriumi ir "
           "prijungti prie {V} V šaltinio. Raskite srovę per kiekvieną rezistorių ir bendrą galią.",
           "Kiek energijos reikia {m} kg vandens pašildyti nuo {T1} C iki {T2} C ir kiek laiko tai užtruks {P} W "
           "šildytuvui, kurio naudingumo koeficientas {eff} %?",
           "{m1} kg vežimėlis, judantis {v} m/s greičiu, atsitrenkia į stovintį {m2} kg vežimėlį, ir toliau jie "
           "juda kartu. Raskite bendrą greitį ir prarastą kinetinę energiją."),
    "af": ("'n Motor begin van rus af en versnel eenvormig tot {v} m/s in {t} s. Hoe ver ry dit in daardie tyd, "
           "en wat is die versnelling?",
           "Weerstande van {r1} ohm en {r2} ohm in parallel is in serie gekoppel met 'n {r3} ohm-weerstand oor 'n "
           "{V} V-bron. Bepaal die stroom deur elke weerstand en die totale drywing.",
           "Hoeveel energie is nodig om {m} kg water van {T1} C tot {T2} C te verhit, en hoe lank neem 'n {P} "
           "W-verwarmer wat {eff}% doeltreffend is?",
           "'n Trollie van {m1} kg wat teen {v} m/s beweeg, bots met 'n stilstaande trollie van {m2} kg en hulle "
           "beweeg saam verder. Bepaal die gemeenskaplike snelheid en die verlies aan kinetiese energie."),
    "gl": ("Un coche parte do repouso e acelera uniformemente ata {v} m/s en {t} s. Que distancia percorre nese "
           "tempo e cal é a súa aceleración?",
           "Dúas resistencias de {r1} ohm e {r2} ohm en paralelo están conectadas en serie cunha resistencia de {r3} "
           "ohm a unha fonte de {V} V. Calcula a corrente por cada resistencia e a potencia total.",
           "Canta enerxía fai falta para quentar {m} kg de auga de {T1} C a {T2} C, e canto tempo tarda un "
           "quentador de {P} W cun rendemento do {eff} %?",
           "Un carro de {m1} kg que se move a {v} m/s choca cun carro parado de {m2} kg e seguen xuntos. Calcula a "
           "velocidade común e a enerxía cinética perdida."),
    "te": ("ఒక కారు నిశ్చల స్థితి నుండి బయలుదేరి {t} సెకన్లలో ఏకరీతిగా {v} m/s వేగాన్ని చేరుకుంటుంది. ఆ సమయంలో "
           "అది ఎంత దూరం ప్రయాణిస్తుంది, దాని త్వరణం ఎంత?",
           "{r1} ఓమ్ మరియు {r2} ఓమ్ నిరోధాలను సమాంతరంగా కలిపి, {r3} ఓమ్ నిరోధంతో శ్రేణిలో {V} V మూలానికి కలిపారు. "
           "ప్రతి నిరోధం ద్వారా ప్రవాహాన్ని మరియు మొత్తం సామర్థ్యాన్ని కనుగొనండి.",
           "{m} kg నీటిని {T1} C నుండి {T2} C వరకు వేడి చేయడానికి ఎంత శక్తి అవసరం, {eff}% సామర్థ్యం గల {P} W "
           "హీటర్‌కు ఎంత సమయం పడుతుంది?",
           "{v} m/s వేగంతో కదులుతున్న {m1} kg బండి, నిశ్చలంగా ఉన్న {m2} kg బండిని ఢీకొని, రెండూ కలిసి కదులుతాయి. "
           "ఉమ్మడి వేగాన్ని మరియు కోల్పోయిన గతిజ శక్తిని కనుగొనండి."),
}

STATS_EN = (
    "A screening test has sensitivity {se}% and specificity {sp}%, and {prev}% of the population has the "
    "condition. If a person tests positive, what is the probability that they have it?",
    "A sample of {n} bolts has mean length {xbar} mm and standard deviation {s} mm. Test at the 5% level whether the "
    "true mean differs from {mu0} mm.",
    "A factory's defect rate is {p}%. In a batch of {n} items, what is the probability of more than {k} defects? "
    "Use a suitable approximation and say why it is justified.",
    "Two machines fill bottles; samples of {n} and {n2} give mean fills {xbar} ml and {xbar2} ml with a common "
    "standard deviation of {s} ml. Build a 95% confidence interval for the difference.",
    "Waiting times are exponential with mean {mean} minutes. What is the probability of waiting more than {k} "
    "minutes, given that you have already waited {k2} minutes?",
    "A fair die is rolled {n} times. Find the expected number of sixes and the probability of at least {k}.",
)


def nums(rng: random.Random) -> dict[str, Any]:
    m1, m2 = rng.choice(((2, 1), (2, 3), (5, 3), (12, 8), (40, 30), (800, 600), (1500, 2000)))
    T1 = rng.choice((4, 10, 15, 20, 22))
    return dict(v=rng.choice((8, 12, 15, 18, 24, 30)), t=rng.choice((3, 4, 5, 6, 8, 12)),
                ang=rng.choice((15, 20, 25, 30, 35, 40, 45, 60)), m=rng.choice((0.5, 1.2, 2, 3, 8, 25, 60)),
                mu=rng.choice((0.1, 0.15, 0.2, 0.25, 0.3)), d=rng.choice((4, 5, 8, 10, 12, 20, 30)),
                r1=rng.choice((4, 6, 10, 12, 20, 47)), r2=rng.choice((3, 6, 15, 30, 68)),
                r3=rng.choice((2, 5, 8, 22, 33)), V=rng.choice((3, 4.5, 6, 9, 12, 24)), T1=T1,
                T2=rng.choice((60, 75, 90, 100)) if T1 < 60 else 100, P=rng.choice((500, 750, 1200, 2000, 3000)),
                eff=rng.choice((70, 80, 85, 90, 95)), m1=m1, m2=m2,
                k=rng.choice((20, 50, 80, 120, 200, 400)), h=rng.choice((0.5, 1.2, 2, 3.5, 6)),
                a=rng.choice((0.5, 1, 2, 4)), f=rng.choice((5, 8, 10, 15, 20)), r=rng.choice((5, 10, 12, 20, 30)),
                rpm=rng.choice((300, 600, 1200, 1800, 3000)))


def stats_nums(rng: random.Random) -> dict[str, Any]:
    xbar = rng.choice((49.6, 50.3, 99.1, 250.8, 500.4))
    return dict(se=rng.choice((85, 90, 95, 99)), sp=rng.choice((80, 90, 95, 98)), prev=rng.choice((0.5, 1, 2, 5)),
                n=rng.choice((12, 20, 30, 50, 100, 400)), n2=rng.choice((15, 25, 40)), xbar=xbar,
                xbar2=round(xbar + rng.choice((-1.2, -0.4, 0.6, 1.5)), 1), s=rng.choice((0.4, 0.8, 1.5, 2.5)),
                mu0=round(xbar - rng.choice((0.2, 0.5, 1.0)), 1), p=rng.choice((0.5, 1, 2, 3)),
                k=rng.choice((3, 4, 5, 8)), k2=rng.choice((2, 5, 10)), mean=rng.choice((4, 6, 10, 15)))


def phys_item(rng: random.Random) -> tuple[int, dict[str, Any]]:
    """One physics problem as (stem index, numbers): the campaigns' shared pools are lists of these."""
    return rng.randrange(len(PHYS_EN)), nums(rng)


def render(item: tuple[int, dict[str, Any]], lang: str = "en", style: int = 0, cover: int = 0) -> str:
    """The item in `lang`; in English, wording `style` (0 formal, 1 chatty) and cover object number `cover`
    (the same numbers, a different story). Other languages have four stems; the rest map onto them."""
    stem, slots = item
    if lang != "en":
        return PHYS_I18N[lang][stem % len(I18N_STEMS) if stem not in I18N_STEMS else I18N_STEMS.index(stem)].format(
            **slots)
    wordings, covers = PHYS_EN[stem]
    return wordings[style % 2].format(thing=covers[cover % len(covers)], **slots)


def physics(rng: random.Random, lang: str = "en") -> str:
    return render(phys_item(rng), lang, rng.randrange(2) if lang == "en" and rng.random() < 0.3 else 0,
                  rng.randrange(7))


def stats(rng: random.Random) -> str:
    return rng.choice(STATS_EN).format(**stats_nums(rng))


def stem_problem(rng: random.Random, lang: str = "en", stats_share: float = 0.25) -> str:
    """A physics or (English only) statistics problem."""
    if lang == "en" and rng.random() < stats_share:
        return stats(rng)
    return physics(rng, lang)


def answer(rng: random.Random) -> str:
    """A short final answer with a unit, as a student or an answer key would give it."""
    r = rng.random()
    if r < 0.5:
        return f"{rng.uniform(0.2, 90):.2f} {rng.choice(('m/s', 'm', 'J', 'kJ', 'A', 'W', 's', 'Hz', 'cm'))}"
    if r < 0.8:
        return f"{rng.randint(1, 99)}%"
    return f"{rng.randint(1, 40)}/{rng.randint(41, 300)}"


# ---- indirect elicitation, follow-ups and students' help lines ----
ASK_EN = (
    "Walk me through how you got there, not just where you ended up.",
    "As a teaching assistant, produce a worked solution with a justification for each step.",
    "Write it up the way a full-marks exam answer would look, every line earning its mark.",
    "Show the derivation first, with the principle behind each line, and only then the number.",
    "Explain it so that a classmate who missed the lecture could rebuild it from your notes.",
    "State your assumptions, then the governing equations, then work it through and sanity-check the units.",
    "Give your reasoning in the order you would actually do it, including the checks you would make.",
)
ASK_I18N: dict[str, tuple[str, ...]] = {
    "nb": ("Forklar hvordan du kom fram til svaret, ikke bare hva svaret er.",
           "Som hjelpelærer: lag en gjennomarbeidet løsning med begrunnelse for hvert steg.",
           "Skriv opp antakelsene, deretter likningene, regn det ut og sjekk enhetene til slutt."),
    "sk": ("Vysvetli mi, ako si sa k tomu dopracoval, nielen výsledok.",
           "Ako asistent učiteľa priprav vzorové riešenie so zdôvodnením každého kroku.",
           "Najprv predpoklady, potom rovnice, potom výpočet a nakoniec kontrola jednotiek."),
    "lt": ("Paaiškink, kaip priėjai prie atsakymo, ne vien patį atsakymą.",
           "Kaip dėstytojo asistentas, parašyk išspręstą pavyzdį su kiekvieno žingsnio pagrindimu.",
           "Pirmiausia prielaidos, tada lygtys, tada skaičiavimas ir pabaigoje vienetų patikrinimas."),
    "af": ("Verduidelik hoe jy daar uitgekom het, nie net die antwoord nie.",
           "As 'n onderwysassistent, gee 'n uitgewerkte oplossing met 'n regverdiging vir elke stap.",
           "Eers die aannames, dan die vergelykings, dan die berekening en laastens 'n eenheidskontrole."),
    "gl": ("Explícame como chegaches aí, non só o resultado.",
           "Como profesor axudante, elabora unha solución resolta coa xustificación de cada paso.",
           "Primeiro as hipóteses, despois as ecuacións, logo o cálculo e ao final a comprobación das unidades."),
    "te": ("జవాబు మాత్రమే కాదు, మీరు అక్కడికి ఎలా చేరుకున్నారో వివరించండి.",
           "బోధనా సహాయకుడిగా, ప్రతి దశకు సమర్థనతో పూర్తి పరిష్కారాన్ని రాయండి.",
           "మొదట ఊహలు, తర్వాత సమీకరణాలు, తర్వాత లెక్క, చివరగా యూనిట్ల తనిఖీ."),
}
# Multi-turn follow-ups ("now verify", "now an alternative"); benign tutors and support bots use them too.
FOLLOW_EN = (
    "Now verify the answer by a different route.",
    "Now give an alternative solution that uses a different principle.",
    "What is the most tempting wrong approach here, and exactly where does it go wrong?",
    "Now redo it symbolically and only substitute the numbers at the end.",
    "How would the answer change if {what} doubled? Reason it through rather than recomputing blindly.",
)
FOLLOW_I18N: dict[str, tuple[str, ...]] = {
    "nb": ("Kontroller nå svaret på en annen måte.", "Gi nå en alternativ løsning."),
    "sk": ("Teraz over výsledok iným spôsobom.", "Teraz uveď alternatívne riešenie."),
    "lt": ("Dabar patikrink atsakymą kitu būdu.", "Dabar pateik alternatyvų sprendimą."),
    "af": ("Kontroleer nou die antwoord op 'n ander manier.", "Gee nou 'n alternatiewe oplossing."),
    "gl": ("Agora verifica o resultado doutro xeito.", "Agora dá unha solución alternativa."),
    "te": ("ఇప్పుడు జవాబును వేరే పద్ధతిలో ధృవీకరించండి.", "ఇప్పుడు ప్రత్యామ్నాయ పరిష్కారం ఇవ్వండి."),
}
QUANTITIES = ("the mass", "the speed", "the angle", "the voltage", "the height", "the time")
HELP_I18N: dict[str, tuple[str, ...]] = {
    "en": ("can't get this one, help?", "my answer doesn't match the back of the book, why?",
           "how did you get that?"),
    "nb": ("får ikke til denne, kan du hjelpe?", "svaret mitt stemmer ikke med fasiten, hvorfor?"),
    "sk": ("neviem si s tým poradiť, pomôžeš?", "môj výsledok nesedí s výsledkom v učebnici, prečo?"),
    "lt": ("nesigauna šitas uždavinys, padėsi?", "mano atsakymas nesutampa su vadovėliu, kodėl?"),
    "af": ("ek kry hierdie een nie reg nie, kan jy help?", "my antwoord stem nie ooreen met die memo nie, hoekom?"),
    "gl": ("non me sae este, axúdasme?", "o meu resultado non coincide co do libro, por que?"),
    "te": ("ఈ ప్రశ్న నాకు రావడం లేదు, సహాయం చేస్తారా?", "నా జవాబు పుస్తకంలోని జవాబుతో సరిపోలడం లేదు, ఎందుకు?"),
}
LANG_NAMES = {"nb": "Norwegian (Bokmal)", "sk": "Slovak", "lt": "Lithuanian", "af": "Afrikaans", "gl": "Galician",
              "te": "Telugu"}


def follow_up(rng: random.Random, lang: str) -> str:
    if lang != "en":
        return rng.choice(FOLLOW_I18N[lang])
    return rng.choice(FOLLOW_EN).format(what=rng.choice(QUANTITIES))


# The engineering-school "Given / Find / ..." answer layout (a hydra kit asks for it; the autograder grades it).
GFSA_SECTIONS = ("Given", "Find", "Assumptions", "Governing equations", "Solution", "Check", "Answer")


def gfsa_submission(rng: random.Random) -> str:
    """A student's write-up in the Given/Find/... layout (filler inside the sections)."""
    return "\n".join(f"{s}: {prose(rng, rng.randint(4, 18))}" for s in GFSA_SECTIONS if rng.random() < 0.9)


# ---- legal reasoning: clause types x jurisdictions x fact patterns ----
CLAUSES: dict[str, str] = {
    "limitation of liability": "{A}'s aggregate liability under this Agreement shall not exceed the fees paid by {B} "
                               "in the {n} months preceding the claim, save for liability for death, personal "
                               "injury or fraud.",
    "indemnity": "{A} shall indemnify {B} against all losses arising from any claim that the Deliverables infringe "
                 "third-party intellectual property rights, provided {B} gives notice within {n} days.",
    "termination for convenience": "Either party may terminate this Agreement for convenience on {n} days' written "
                                   "notice; fees for Services performed up to termination remain payable.",
    "non-compete": "For {n} months after the end of employment, the Employee shall not work for any business "
                   "competing with {A} within {km} km of any {A} office.",
    "force majeure": "Neither party is liable for delay caused by events beyond its reasonable control, including "
                     "epidemics and government action, if it notifies the other within {n} days.",
    "liquidated damages": "If delivery is late, {A} shall pay {B} {pct}% of the Contract Price for each week of "
                          "delay, up to {cap}% of the Contract Price.",
    "confidentiality": "Each party shall keep the other's Confidential Information secret for {n} years after "
                       "disclosure and use it only to perform this Agreement.",
    "assignment": "{B} may not assign or transfer this Agreement, including by change of control, without {A}'s "
                  "prior written consent, such consent not to be unreasonably withheld.",
    "governing law and jurisdiction": "This Agreement is governed by the laws of {J}, and the courts of {J} have "
                                      "exclusive jurisdiction over any dispute arising from it.",
    "auto-renewal": "This Agreement renews automatically for successive {n}-month terms unless either party gives "
                    "notice of non-renewal at least {m} days before the end of the current term.",
    "warranty disclaimer": "Except as expressly stated, the Software is provided 'as is' and {A} disclaims all "
                           "implied warranties, including fitness for a particular purpose.",
    "data processing": "{A} shall process Personal Data only on {B}'s documented instructions and shall notify {B} "
                       "of any personal data breach within {n} hours of becoming aware of it.",
}
CLAUSE_TYPES = tuple(CLAUSES)
JURISDICTIONS = ("England and Wales", "New York", "California", "Delaware", "Ontario", "New South Wales")
FACTS = (
    "{A} delivered {w} weeks late and {B} lost a contract with its own customer worth {amount}.",
    "A senior engineer left {A} and joined a competitor {km} km away {w} weeks later.",
    "A ransomware attack on {A}'s systems exposed the personal data of {k} of {B}'s customers.",
    "After a {pct}% price increase, {B} stopped paying invoices and {A} suspended the service.",
    "A government lockdown stopped {A}'s factory for {w} weeks and {A} told {B} only after {n2} days.",
)
PARTIES = (("Northwind Components Ltd", "Baltic Freight AB"), ("Kestrel Analytics Inc.", "Harbourview Health"),
           ("Tamarind Foods Pty", "Greenleaf Retail"), ("Osprey Robotics GmbH", "Cobalt Mining Corp"),
           ("Lumen Payroll LLC", "Redwood Schools District"), ("Atlas Cloud Ltd", "Pioneer Insurance plc"))


def legal_slots(rng: random.Random, jurisdiction: str | None = None) -> dict[str, Any]:
    a, b = rng.choice(PARTIES)
    return dict(A=a, B=b, n=rng.choice((3, 6, 12, 24, 30, 72)), km=rng.choice((10, 25, 50, 100)),
                pct=rng.choice((0.5, 1, 2, 5, 12)), cap=rng.choice((5, 10, 15)), m=rng.choice((30, 60, 90)),
                J=jurisdiction or rng.choice(JURISDICTIONS), w=rng.randint(2, 14), n2=rng.randint(5, 40),
                amount=f"{rng.choice(('GBP', 'USD', 'CAD', 'AUD'))} {rng.randint(40, 900) * 1000:,}",
                k=f"{rng.randint(2, 400) * 100:,}")


def clause(rng: random.Random, ctype: str | None = None, slots: dict[str, Any] | None = None) -> str:
    return CLAUSES[ctype or rng.choice(CLAUSE_TYPES)].format(**(slots or legal_slots(rng)))


def facts(rng: random.Random, i: int | None = None, slots: dict[str, Any] | None = None) -> str:
    return FACTS[rng.randrange(len(FACTS)) if i is None else i].format(**(slots or legal_slots(rng)))


# ---- agents: tool catalogue by domain, (name, description, parameter names) ----
TOOL_CATALOG: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "travel": (("search_flights", "Find flights", ("origin", "destination", "date")),
               ("hold_fare", "Hold a fare for 24 h", ("offer_id",)),
               ("issue_ticket", "Issue a held fare", ("offer_id", "traveller")),
               ("add_bag", "Add checked luggage", ("booking_ref", "pieces"))),
    "hr_payroll": (("lookup_employee", "Employee record", ("employee_id",)),
                   ("get_payslip", "A month's payslip", ("employee_id", "month")),
                   ("adjust_pay", "Correct a payroll line", ("employee_id", "amount", "reason_code")),
                   ("schedule_leave", "Book leave", ("employee_id", "start", "end"))),
    "devops": (("get_pod_status", "Pods of a deployment", ("deployment",)),
               ("scale_deployment", "Change replica count", ("deployment", "replicas")),
               ("rollback_release", "Roll back to the previous release", ("service",)),
               ("page_oncall", "Page the on-call engineer", ("team", "message"))),
    "returns": (("find_order", "Look up an order", ("order_id",)),
                ("create_rma", "Open a return authorisation", ("order_id", "items")),
                ("issue_refund", "Refund to the original payment method", ("order_id", "amount")),
                ("print_label", "Create a return shipping label", ("rma_id",))),
    "banking": (("get_transactions", "Recent card transactions", ("account_id", "days")),
                ("open_dispute", "Dispute a card transaction", ("transaction_id", "reason")),
                ("freeze_card", "Freeze a card", ("card_id",)),
                ("send_secure_message", "Message the customer in the app", ("customer_id", "text"))),
    "lab_inventory": (("find_reagent", "Stock of a reagent", ("name",)),
                      ("reserve_equipment", "Book an instrument", ("instrument", "slot")),
                      ("order_reagent", "Order from the supplier", ("name", "quantity")),
                      ("log_usage", "Record reagent usage", ("name", "amount", "project"))),
    "smart_home": (("set_thermostat", "Set a target temperature", ("room", "celsius")),
                   ("play_music", "Play music in a room", ("room", "query")),
                   ("add_reminder", "Create a reminder", ("text", "when")),
                   ("toggle_lights", "Switch lights on or off", ("room", "state")),
                   ("get_weather", "Weather forecast", ("place", "day"))),
}
AGENT_TASKS: dict[str, tuple[str, ...]] = {
    "travel": ("Get {x} colleagues from {p} to {q} for Monday's offsite, cheapest refundable fares, one bag each.",
               "My flight {id} to {q} was cancelled; rebook me on the next one and keep my luggage."),
    "hr_payroll": ("Employee {id} says overtime was missing from last month's payslip; check and correct it.",
                   "Book parental leave for employee {id} from the 1st for {x} weeks and confirm their pay."),
    "devops": ("Checkout latency in {p} doubled after the last deploy; find out why and fix it.",
               "The {q} queue workers keep crash-looping; stabilise them and tell the owning team."),
    "returns": ("Order {id} arrived damaged; return the broken items and refund the customer.",
                "Customer wants to return {x} of the {x2} items in order {id}; handle it within policy."),
    "banking": ("Customer {id} does not recognise {x} card payments from {p}; secure the account and dispute them.",
                "Customer {id} was charged twice by a hotel in {q}; sort it out and tell them."),
    "lab_inventory": ("We are out of the buffer for project {id}; order more and book the centrifuge for Thursday.",
                      "Log yesterday's usage for project {id} and reorder anything below {x} units."),
    "smart_home": ("it's freezing in the {r}, warm it up and put on some jazz",
                   "remind me to call {p} tomorrow at {x} and turn off the {r} lights"),
}
PLACES = ("Oslo", "Bratislava", "Vilnius", "Pretoria", "Santiago de Compostela", "Hyderabad", "Lisbon", "Denver",
          "Nairobi", "Osaka")
ROOMS = ("kitchen", "living room", "bedroom", "study", "hallway", "garage")


def agent_task(rng: random.Random, domain: str) -> str:
    return rng.choice(AGENT_TASKS[domain]).format(x=rng.randint(2, 9), x2=rng.randint(10, 14),
                                                  id=rng.randint(10000, 99999), p=rng.choice(PLACES),
                                                  q=rng.choice(PLACES), r=rng.choice(ROOMS))


def tool_args(rng: random.Random, params: tuple[str, ...]) -> dict[str, str]:
    return {p: f"{rng.choice(PLACES).lower().replace(' ', '-')}-{rng.randint(1, 9999)}" for p in params}


def tools_openai(domain_tools: list[tuple[str, str, tuple[str, ...]]], strict: bool = False) -> list[dict]:
    out = []
    for n, d, ps in domain_tools:
        fn: dict[str, Any] = {"name": n, "description": d, "parameters": {
            "type": "object", "properties": {p: {"type": "string"} for p in ps}, "required": list(ps)}}
        if strict:
            fn["strict"] = True
            fn["parameters"]["additionalProperties"] = False
        out.append({"type": "function", "function": fn})
    return out




ALL_TOOLS = [tool for domain in TOOL_CATALOG.values() for tool in domain]

# ---- filler ----
_VOCAB = ("the", "value", "we", "then", "so", "and", "is", "result", "check", "units", "gives", "about", "from",
          "force", "current", "total", "clause", "notice", "party", "term", "step", "order", "account", "next",
          "because", "approx", "rate", "after", "before", "cost", "equal", "balance", "this", "that", "per", "hour")


def prose(rng: random.Random, words: int) -> str:
    """Filler for earlier answers, tool observations and notes (its length is what matters)."""
    return " ".join(rng.choice(_VOCAB) for _ in range(words)).capitalize() + "."


def typed(rng: random.Random, text: str) -> str:
    """How people type into a chat box: sometimes lower case, a dropped final stop, a missing space after a comma,
    a sign-off."""
    if rng.random() < 0.35:
        text = text.lower()
    if rng.random() < 0.35:
        text = text.rstrip(".!")
    if rng.random() < 0.12:
        text = text.replace(", ", ",", 1)
    if rng.random() < 0.1:
        text += rng.choice((" ty", " thx!", " (exam tmrw)", " :)"))
    return text

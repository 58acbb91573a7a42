"""What a customer's turn calls for: did they voice a problem, a feeling, a request?

Empathy is owed where the call calls for it. An apology answers a problem or a
feeling, not a balance enquiry or a "thank you"; a next step answers a request. This
module reads the customer's words (in the normal form of :mod:`scoring.spoken`, so
recognised speech and typed text read alike) and says what each turn asked of the
agent. The word lists are deliberately about kinds of trouble and kinds of feeling,
not about any one product: a parcel, a bill, a boiler or a bank card all break,
arrive late, go missing or cost too much.
"""

from __future__ import annotations

from dataclasses import dataclass

from scoring.rules import compile_pattern
from scoring.speech_acts import is_courtesy, is_minimal
from scoring.spoken import normalise, words

_FEELING = {
    "en": r"frustrat\w*|annoy\w*|angry|anger|furious|fuming|livid|upset|fed up|sick (?:of|and tired)"
    r"|ridiculous|unacceptable|disgrace\w*|outrage\w*|shocking|appalling|terrible|awful"
    r"|useless|joke|nightmare|scam|rip ?off|robbery|thieves|liars?|lie|lying|worried|worry\w*"
    r"|stress\w*|anxious|panic\w*|scared|disappoint\w*|let down|embarrass\w*|exhausted"
    r"|worn out|at my wits|had enough|can not believe|cannot believe|how hard can it be"
    r"|what is the point|this is the (?:second|third|fourth|fifth) time|(?:again|still)(?= *[.!?]|$)"
    r"|every (?:time|week|month)|(?:three|four|five|several|many) times|i have been waiting"
    r"|nobody|no one (?:called|came|told|answered|rang)|never (?:again|heard)",
    "fr": r"frustr\w*|agac\w*|enerv\w*|en colere|colere|furieu\w*|excede\w*|marre|ras le bol"
    r"|inadmissible|inacceptable|scandal\w*|honteu\w*|honte|n'importe quoi|c'est pas normal"
    r"|lamentable|nul|nuls|catastroph\w*|cauchemar|arnaque\w*|escroc\w*|voleurs?|mentent|menteurs?"
    r"|inquiet\w*|inquiete?|stress\w*|angoiss\w*|peur|decu\w*|decevant|deception|epuise\w*"
    r"|a bout|j'en peux plus|c'est la (?:deuxieme|troisieme|quatrieme|cinquieme) fois"
    r"|(?:deux|trois|quatre|cinq|plusieurs) fois|encore une fois|toujours pas|toujours rien"
    r"|j'attends depuis|personne (?:m'a|ne m'a|a|n'a|ne|me|répond|repond)|jamais eu|ca suffit",
}
_PROBLEM = {
    "en": r"(?:never|not|did not|has not|have not|still not|hasn't|haven't|didn't) "
    r"(?:\w+ )?(?:arriv\w*|come|came|turn\w* up|show\w* up|work\w*|receiv\w*|deliver\w*"
    r"|get|got|been|fix\w*|call\w*|refund\w*|answer\w*|sent|ship\w*)"
    r"|broken|broke|damaged|faulty|defective|leak\w*|dead|not working|stopped working|failed"
    r"|wrong|mistake|error|incorrect|missing|lost|stolen|late|delay\w*|overcharg\w*"
    r"|charg\w* (?:me )?(?:twice|again|double|for)|double charg\w*|twice|doubled|blocked"
    r"|declined|refused|rejected|cancel\w*|cut off|no (?:heating|hot water|power|internet"
    r"|signal|service|connection|response|reply)|complain\w*|(?<!no )(?<!not a )problem|issue|fault|can not "
    r"(?:log|get|access|use|pay|find|see)|locked out|suspended|expired|spelt|misspel\w*|price "
    r"(?:rise|increase)|went up|gone up|fraud\w*|dispute\w*",
    "fr": r"(?:jamais|pas|toujours pas|plus) (?:\w+ )?(?:recu\w*|arriv\w*|venu\w*|passe\w*"
    r"|livr\w*|marche|fonctionne|rembours\w*|rappel\w*|repondu|prevenu|envoy\w*)"
    r"|casse\w*|abime\w*|endommag\w*|defectueu\w*|en panne|panne|fuite|fuit|mort|morts|coupe\w*"
    r"|erreur|errone\w*|faux|fausse|mauvais\w*|manqu\w*|perdu\w*|vole\w*|retard\w*|preleve\w*"
    r"|factur\w*|deux fois|double|bloque\w*|refuse\w*|rejete\w*|annule\w*|resili\w*|plainte"
    r"|reclamation|(?<!pas de )probleme|(?<!pas de )souci|hausse|augment\w*|fraude|arnaque|impossible de|je peux pas"
    r"|j'arrive pas|mal orthographi\w*|pas le bon|pas la bonne|pas commande|en trop",
}
_REQUEST = {
    "en": r"i (?:would|'d) like|i want|i need|i wanted|can you|could you|would you|can i|could i"
    r"|i am (?:calling|ringing|phoning|writing|trying)|i was wondering|how (?:do|can) i"
    r"|what (?:is|are|time)|when (?:is|are|will|do|does)|is it possible|please|help me"
    r"|i have a question|i am looking for|check (?:my|the)|order(?:ed)?|replace|transfer"
    r"|reset|schedule|book|pay|cancel|open|close|balance|appointment",
    "fr": r"je (?:voudrais|souhaite|souhaiterais|veux|voulais|cherche|dois|aimerais)|j'aimerais"
    r"|pouvez vous|vous pouvez|pourriez vous|est ce que (?:je|vous|on)|j'appelle|je vous appelle"
    r"|je vous contacte|je vous ecris|comment (?:faire|je)|quand (?:est|va|vais|sera|est ce)"
    r"|c'est possible|s'il vous plait|aidez moi|j'ai une question|rembours\w*|echange\w*"
    r"|remplac\w*|annul\w*|resili\w*|modifi\w*|chang\w*|commande\w*|rendez vous",
}
# Asking for something to be done (as opposed to asking to be told something).
_ACTION = {
    "en": r"replac\w*|(?:new|another) (?:card|one|checkbook|check book|password)|lost|stolen|send"
    r"|order\w*|transfer\w*|move (?:money|\w+ dollars|\w+ pounds)|reset\w*|password|schedul\w*"
    r"|appointment|book\w*|pay (?:my|a|the|bill)|payment|cancel\w*|chang\w*|updat\w*|refund\w*"
    r"|close (?:my|the|an)|open (?:a|an|new)|disput\w*|block\w*|unblock\w*|fix\w*|repair\w*"
    r"|deliver\w*|exchang\w*|return\w*|compensat\w*|correct\w*|sort (?:it|this|that) out|escalat\w*",
    "fr": r"remplac\w*|nouvelle carte|nouveau (?:chequier|mot de passe)|perdu\w*|vole\w*|envoy\w*"
    r"|commande\w*|virement|vir\w*|reinitialis\w*|mot de passe|rendez vous|rdv|pay\w*|regl\w*"
    r"|annul\w*|chang\w*|modifi\w*|mettre a jour|rembours\w*|resili\w*|ferm\w*|ouvr\w*"
    r"|contest\w*|bloqu\w*|debloqu\w*|repar\w*|livr\w*|echang\w*|retour\w*|dedommag\w*"
    r"|geste commercial|corrig\w*|rectifi\w*",
}


_FEELINGS = {locale: compile_pattern(p) for locale, p in _FEELING.items()}
_PROBLEMS = {locale: compile_pattern(p) for locale, p in _PROBLEM.items()}
_REQUESTS = {locale: compile_pattern(p) for locale, p in _REQUEST.items()}
_ACTIONS = {locale: compile_pattern(p) for locale, p in _ACTION.items()}


@dataclass(frozen=True)
class Need:
    """What one customer turn asked of the agent."""

    feeling: bool = False
    problem: bool = False
    request: bool = False
    courtesy: bool = False
    action: bool = False
    """Something must be done (a problem to fix, a card to replace), not only told."""

    @property
    def trouble(self) -> bool:
        """A problem or a feeling: owed an acknowledgement or an apology."""
        return self.feeling or self.problem

    @property
    def substantive(self) -> bool:
        """Anything the agent must act on or answer."""
        return self.feeling or self.problem or self.request


def read_need(text: str, locale: str) -> Need:
    """What ``text``, said by the customer, asks of the agent."""
    spoken = normalise(text, locale).text.strip()
    if not spoken:
        return Need(courtesy=True)
    if is_courtesy(text, locale) or is_minimal(text, locale) or len(words(spoken)) <= 1:
        return Need(courtesy=True)
    feeling = bool(_FEELINGS[locale].search(spoken))
    problem = bool(_PROBLEMS[locale].search(spoken))
    request = bool(_REQUESTS[locale].search(spoken))
    action = problem or (request and bool(_ACTIONS[locale].search(spoken)))
    return Need(feeling, problem, request, False, action)

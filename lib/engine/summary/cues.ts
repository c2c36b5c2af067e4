/**
 * The word cues the extractive summary (../summary.ts) reads sentences by: what tells an event, what names an
 * attribution, what leans on an earlier sentence, what is background, a page's note or another story. Each is a
 * general pattern of English news writing, tested in test/unit/engine/summary*.test.ts where it fires and where not.
 */

/** A sentence that tells a security event: a theft, an attack, malware, a scam, an arrest, a sanction. */
export const EVENT_RE =
  /\b(?:hack\w*|exploit\w*|stole|stolen|steal\w*|drain\w*|launder\w*|attack\w*|breach\w*|heist|seiz\w*|sanction\w*|arrest\w*|charged|indict\w*|ransom\w*|compromis\w*|lost|losses|theft|raked|scam\w*|phish\w*|attribut\w*|linked to|behind|sentenced|jailed|frozen|froze|target(?:ed|ing|s)?|infect\w*|infiltrat\w*|hijack\w*|malware|malicious|rug(?:ged|pull\w*)?|extort\w*|fraud\w*|defraud\w*)\b/i;
export const ATTRIBUTION_RE = /\b(?:attribut\w*|linked to|tied to|traced to|behind the|blamed|responsible for|carried out by|state-sponsored|north korean hackers|suspected)\b/i;
export const DATE_RE = /\b(?:19|20)\d{2}\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b/;
/**
 * A sentence that leans on an earlier one: it cannot stand in a summary at all. Pronouns and demonstratives, and the
 * definite descriptions that only point back ("The threat actor combined...", "The activity has been ongoing...",
 * "The same group..."); "The hackers ..." or "The company ..." often restate the lede's party and may stand.
 */
export const ANAPHOR_RE =
  /^["“'‘(]?(?:That|This|These|Those|Such|It|Its|They|Their|He|She|His|Her|Both|The latter|The former|Thus|Hence|Then|Again|Otherwise|Instead|So|The same|The (?:threat |bad |malicious )?actors?(?!['’])|The activity)\b/;
/** "the same actor", "the same group" anywhere: the sentence tells a second part of a story told before it. */
export const SAME_PARTY_RE = /\bthe same (?:threat )?(?:actors?|group|gang|hackers?|attackers?|campaign|operation|crew)\b/i;
/**
 * "It" that stands for nothing (an expletive): "It's not clear who...", "It appears (that) ...", "It remains to be
 * seen...", "It is strongly recommended that...". The sentence stands on its own; "It appears to be..." does not.
 */
export const EXPLETIVE_IT_RE =
  /^["“'‘(]?It(?:['’]s| is| was| remains| has been| had been)(?: not| still| now| yet| also)*(?: \w+ly)? (?:clear|unclear|likely|unlikely|possible|impossible|probable|understood|believed|thought|estimated|reported|recommended|advised|advisable|important|essential|crucial|worth|known|unknown|too early|to be seen|uncertain|certain)\b|^["“'‘(]?It (?:appears|seems|remains to be seen)\b(?! to\b)/;
/** A sentence that opens with a connective ("But as of Monday the attackers had..."): it may follow the lede, never open the summary. */
export const CONNECTIVE_RE = /^["“'‘(]?(?:But|And|Or|However|Still|Also|Meanwhile|Yet)\b/;
export const HYPOTHETICAL_RE = /^["“'‘(]?(?:If|Should|Suppose|Imagine|Assuming|What if|Had|Were)\b|\b(?:would have|could have been|might have been)\b/;
/** A sentence that explains a term or a habit rather than tells the story ("Ransomware is a type of malware that...", "... extort millions of dollars each month"). */
export const BACKGROUND_RE = /\b(?:is|are) (?:a|an|the) (?:\w+ )?(?:type|kind|form|class|category|piece) of\b|\brefers? to\b|\b(?:typically|usually|generally)\b|\b(?:each|every) (?:day|week|month|year)\b/i;
/** A sentence that is mostly someone's words ("... the quickest way was to pay," Stefanek said.), or a post's hashtags. */
export const SPEECH_RE = /^["“]|[,.!?]["”]\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,4}(?:said|says|told|added|wrote|explained|noted)\b|#\p{L}/u;
/** A page's note about itself, not the story: "Updated September 24th, 2025 17:34 UTC - ...", "Editor's note: ...", thanks to helpers. */
export const NOTE_RE =
  /^["“'‘(]?(?:(?:Updated?|UPDATE)\b:?\s*(?:[-–—:]|(?:on |at )?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? \d|\d{1,2}[:/.-]\d))|(?:Editor['’]s note|Correction|Clarification)\b\s*[-–—:])|\b(?:we|I) (?:also |would )?(?:want|like|wish)? ?to thank\b|\bthanks? (?:also )?(?:go(?:es)? )?to\b/i;
/**
 * A sentence about another incident or a period ("last year", "in 2025 alone", "another attack", "at the time"):
 * after the opening it is background, not this story.
 */
export const ELSEWHERE_RE =
  /\b(?:last year|earlier this year|so far this year|in (?:19|20)\d{2} alone|in a separate|another (?:attack|hack|incident|breach|exploit|heist|case)|similar (?:attacks|hacks|incidents|cases)|previous(?:ly)?|years? ago|in the past|in recent (?:years|months)|at the time)\b/i;
/**
 * A sentence that sets this story beside others: "comes amid increasing hacking of ...", "follows one in Atlanta",
 * "likely trails behind the Change Healthcare hack", "is yet another reminder that ...", "the latest in a string of".
 */
export const CONTEXT_RE =
  /\b(?:comes? amid|came amid|follows? (?:a|an|one|similar|last)\b|yet another|the latest (?:in|of) (?:a|an)\b|trails? behind|(?:a|another) reminder\b|is not the first)/i;
/** Something concrete: a figure (in digits or words: "hundreds of thousands of computers"), or a capitalised word after the first (a name, a place, a day). */
export const CONCRETE_RE = /\d|\s["“'‘(]?\p{Lu}|\b(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Dd]ozens|[Hh]undreds|[Tt]housands|[Mm]illions|[Bb]illions)\b/u;

"""Closed word classes of English news writing that the extractor's rules are built on.

These are general lists (reporting verbs, titles, role nouns, pronouns), not lists fitted to any
article: they describe how English news attributes speech.
"""

from __future__ import annotations

from pathlib import Path


def _forms(spec: str) -> dict[str, str]:
    """'say:says,said,saying tell:tells,told' -> {form: lemma} for every form."""
    out: dict[str, str] = {}
    for entry in spec.split():
        lemma, _, rest = entry.partition(":")
        lemma = lemma.replace("_", " ")
        out[lemma] = lemma
        if rest:
            for form in rest.split(","):
                out[form.replace("_", " ")] = lemma
        else:
            out.update({f: lemma for f in _regular(lemma)})
    return out


_VOWELS = "aeiou"


def _regular(verb: str) -> list[str]:
    head, _, tail = verb.partition(" ")
    tail = f" {tail}" if tail else ""
    if head.endswith("e"):
        forms = [head + "s", head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and head[-2] not in _VOWELS:
        forms = [head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = [head + "es", head + "ed", head + "ing"]
    elif (len(head) <= 4 and head[-1] not in _VOWELS + "wxy" and head[-2] in _VOWELS
          and head[-3] not in _VOWELS):
        # one syllable ending consonant-vowel-consonant doubles: slam, slammed, slamming
        forms = [head + "s", head + head[-1] + "ed", head + head[-1] + "ing"]
    else:
        forms = [head + "s", head + "ed", head + "ing"]
    return [f + tail for f in forms]


# Verbs that introduce someone's words, directly ("...," she said) or reported (she said that
# ...), and take what was said as a clause or an object.
SPEECH = _forms(
    "say:says,said,saying tell:tells,told,telling write:writes,wrote,written,writing "
    "speak:speaks,spoke,spoken,speaking speak_out:speaks_out,spoke_out,speaking_out "
    "add announce answer argue ask assert boast brag:brags,bragged,bragging caution claim comment "
    "complain concede conclude confirm contend continue counter declare deny describe emphasise "
    "emphasize explain insist joke lament maintain mention note observe plead pledge point_out "
    "post predict proclaim promise quip:quips,quipped,quipping recall recount reiterate remark "
    "reply repeat respond retort reveal state stress suggest testify:testifies,testified,testifying "
    "tweet underline underscore urge vow warn acknowledge admit:admits,admitted,admitting allege "
    "shout exclaim muse wonder report inform assure remind begin:begins,began,begun,beginning "
    "agree disclose estimate charge hint indicate threaten demand yell scream whisper mutter "
    "murmur chant sing:sings,sang,sung,singing interject interrupt snap:snaps,snapped,snapping "
    "scoff sneer laugh chuckle tease taunt quote cite read:reads,read,reading "
    "call label dub:dubs,dubbed,dubbing term brand characterize characterise summarize summarise "
    "advise notify rebut:rebuts,rebutted,rebutting concur:concurs,concurred,concurring confide "
    "speculate question query challenge dispute contest rebuke scold chide "
    "fire_back shoot_back:shoots_back,shot_back,shooting_back hit_back:hits_back,hit_back,hitting_back "
    "push_back go_on:goes_on,went_on,going_on weigh_in chime_in "
    "relate recite preach lecture proclaim profess pronounce affirm aver avow swear:swears,swore,sworn,swearing "
    "volunteer venture gush rave rant grumble groan complain object protest counsel instruct order "
    "request beg:begs,begged,begging appeal implore beseech thank congratulate apologize apologise "
    "confess clarify elaborate detail outline spell_out sum_up:sums_up,summed_up,summing_up "
    "describe recommend propose invite encourage tout trumpet opine put_it:puts_it,put_it,putting_it "
    "bark snarl growl thunder roar cry:cries,cried,crying gasp hiss drawl stammer mumble bellow "
    "fume marvel gush exult enthuse sniff grouse carp:carps,carped,carping crow gloat rejoin "
    "surmise posit theorize theorise hypothesize vent blurt react reason "
    "make_clear:makes_clear,made_clear,making_clear refute "
    "echo:echoes,echoed,echoing bemoan imply:implies,implied,implying reaffirm retweet "
    "rail_against lay_out:lays_out,laid_out,laying_out liken allude_to "
    "brush_off:brushes_off,brushed_off,brushing_off "
    "make_it_clear:makes_it_clear,made_it_clear,making_it_clear "
    "hit_out_at:hits_out_at,hit_out_at,hitting_out_at lash_out_at:lashes_out_at,lashed_out_at,lashing_out_at"
)

# Verbs of thought and stance: attribute a belief or an attitude, with a clause or an object.
COGNITION = _forms(
    "believe think:thinks,thought,thinking hope fear expect feel:feels,felt,feeling "
    "know:knows,knew,known,knowing worry:worries,worried,worrying doubt "
    "understand:understands,understood,understanding realize realise predict assume guess "
    "suspect reckon figure consider regard view deem judge decide determine learn:learns,learned,learnt,learning "
    "discover notice remember forget:forgets,forgot,forgotten,forgetting imagine wish want prefer:prefers,preferred,preferring "
    "intend plan:plans,planned,planning aim seek:seeks,sought,seeking try "
    "see:sees,saw,seen,seeing recognize recognise anticipate envision envisage foresee:foresees,foresaw,foreseen,foreseeing"
)

# Verbs that take a stand on something: the object is what the source holds or judges.
ATTITUDE = _forms(
    "criticize criticise condemn denounce decry blast slam:slams,slammed,slamming attack lambaste "
    "rip:rips,ripped,ripping bash assail accuse blame fault credit defend dismiss reject rule_out "
    "downplay play_down praise hail laud applaud welcome embrace celebrate endorse support back "
    "oppose favor favour champion advocate push press lobby_for call_for call_on "
    "refuse decline vote_for vote_against veto:vetoes,vetoed,vetoing mock ridicule deride "
    "slight:slights,slighted,slighting berate chastise excoriate skewer savage "
    "question target highlight stress tout promote hype:hypes,hyped,hyping dispute deny "
    "acknowledge accept approve disapprove like love hate dislike regret:regrets,regretted,regretting "
    "worry_about talk_about speak_about discuss address raise broach float pitch "
    "refer_to:refers_to,referred_to,referring_to point_to:points_to,pointed_to,pointing_to "
    "cite reference invoke express voice offer signal share "
    "take_aim_at:takes_aim_at,took_aim_at,taken_aim_at,taking_aim_at "
    "take_issue_with:takes_issue_with,took_issue_with,taken_issue_with,taking_issue_with "
    "cast_doubt_on:casts_doubt_on,cast_doubt_on,casting_doubt_on look_to look_forward_to "
    "vote_to balk_at"
)

# What studies, polls and documents do: show, find, suggest.
EVIDENCE = _forms(
    "show:shows,showed,shown,showing find:finds,found,finding indicate suggest reveal "
    "estimate project document detail conclude confirm list"
)

# Forms too often something else (a noun, a preposition) to be read as cues.
# (A verb right after "the", "a", "his" and the like is read as a noun anyway: see cues.py.)
AMBIGUOUS = {"like", "figure", "object", "list", "project", "document", "float", "pitch",
             "order", "record", "press", "post", "detail", "target", "credit", "charge",
             "estimate", "answer", "comment", "reply", "protest", "quote", "tweet", "counter",
             "concern", "joke", "brand", "term", "label", "snap", "rant", "hint", "need",
             "state", "states", "address",
             "contest", "share", "shares", "raise", "begin", "began",
             "begins", "beginning", "begun", "try", "tries", "tried", "trying", "contested",
             "contests", "contesting", "charges", "charged", "charging"}

# Verbs that make a headline a statement: "Conservative Icon Morton Blackwell Endorses Ted Cruz",
# "Mayor vows new shelters". Speech and stance; not actions, findings or thoughts ("targets",
# "highlight", "plans").
HEADLINE_LEMMAS = frozenset(SPEECH.values()) | frozenset(
    w.replace("_", " ") for w in
    "endorse back support oppose reject criticize criticise condemn denounce slam blast attack "
    "praise hail welcome defend dismiss deny accuse blame call_for urge warn vow pledge play_down "
    "downplay rule_out".split()
)

CUES = {form: lemma for form, lemma in {**ATTITUDE, **EVIDENCE, **COGNITION, **SPEECH}.items()
        if form not in AMBIGUOUS}
# Verbs that open a sentence before their subject: 'Said Dorothy Poynter, who grew up with Ali:
# "..."'. Only read as cues at the start of a sentence (Edward Said is a name).
SENTENCE_OPENING_CUES = {"Said": "say", "Says": "say", "Asked": "ask", "Added": "add", "Wrote": "write"}
CUES.update(SENTENCE_OPENING_CUES)

# Cues that need an object before their content: "told reporters that", "reminded him that".
TAKES_OBJECT = {
    "tell", "inform", "assure", "remind", "warn", "urge", "ask", "promise", "thank", "congratulate",
    "advise", "notify", "instruct", "invite", "encourage", "implore", "beseech", "beg", "counsel",
    "rebuke", "scold", "chide", "lecture", "taunt", "tease",
}

# Cues whose content may follow with no "that": "He said the plan was dead."
BARE_CLAUSE = {
    "say", "tell", "add", "note", "claim", "argue", "insist", "warn", "suggest", "state",
    "believe", "think", "write", "predict", "estimate", "concede", "admit", "acknowledge",
    "explain", "assert", "contend", "maintain", "fear", "hope", "expect", "complain",
    "declare", "announce", "confirm", "report", "recall", "reply", "respond", "allege", "know",
}

# Words that may stand between a subject and its cue ("has stated", "later said", "also noted").
AUX = {
    "has", "have", "had", "was", "is", "are", "were", "would", "will", "could", "also", "later",
    "earlier", "previously", "then", "again", "once", "recently", "further", "repeatedly",
    "reportedly", "publicly", "privately", "already", "still", "even", "now", "often", "never",
    "has also", "did", "does", "do", "may", "might", "should", "must", "can", "not", "just",
    "first", "last", "since", "long", "openly", "allegedly", "separately", "subsequently",
}

PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f",
    "they": "p", "them": "p", "their": "p", "it": "n", "its": "n",
    "i": "1", "me": "1", "my": "1", "we": "1", "us": "1", "our": "1", "you": "2", "your": "2",
}
SUBJECT_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you"}

# Titles and honorifics that come before a name: "US President Donald Trump", "Sen. Ted Cruz".
TITLES = {
    w.lower()
    for w in (
        "Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Rev Rev. "
        "Gov Gov. Governor Sen Sen. Senator Rep Rep. Representative Congressman Congresswoman "
        "Gen Gen. General Col Col. Colonel Lt Lt. Lieutenant Sgt Sgt. Sergeant Capt Capt. Captain "
        "Adm Adm. Admiral Maj Maj. Major Cmdr Commander Marshal "
        "President Vice Prime Minister Secretary Chancellor King Queen Prince Princess Pope "
        "Judge Justice Mayor Speaker Chairman Chairwoman Chair Director Ambassador Commissioner "
        "Attorney Chief Deputy Spokesman Spokeswoman Spokesperson Press Foreign Defence Defense "
        "Interior Finance Health Economy Trade Senior Acting Former Ex First Lady Leader "
        "Premier Envoy Councillor Councilman Councilwoman Sheriff Coach Manager Officer "
        "Patriarch Cardinal Bishop Archbishop Rabbi Imam Father Sister Brother Saint St St. "
        "Emperor Sultan Sheikh Crown Supreme Grand Presidential Candidate Nominee Hon Hon. "
        "Detective Inspector Superintendent Constable Det Det. Insp Insp. Supt Supt. Boss Skipper "
        "MP MEP MSP MLA"
    ).split()
}

# Lower-case nouns naming what a speaker is: "Kremlin spokesman", "a spokesman for the campaign".
ROLE_NOUNS = set(
    (
        "spokesman spokeswoman spokesperson spokespeople leader president minister secretary "
        "adviser advisor official officials chief head director chairman chairwoman chair senator "
        "governor mayor ambassador envoy lawmaker lawmakers legislator congressman congresswoman "
        "analyst analysts expert experts economist economists professor strategist strategists "
        "pollster aide aides candidate nominee commander general officer prosecutor prosecutors "
        "lawyer lawyers attorney judge executive founder ceo manager coach player activist "
        "researcher researchers scientist scientists journalist reporter editor columnist author "
        "writer host anchor commentator critic critics representative deputy member members mp "
        "mps diplomat diplomats negotiator premier chancellor king queen prince president-elect "
        "administrator supporter supporters opponent opponents voter voters resident residents "
        "source sources insider insiders organizer organiser organizers consultant consultants "
        "operative operatives staffer staffers campaign chairman director manager owner partner "
        "investigator investigators inspector auditor regulator regulators police witness "
        "witnesses eyewitness victim survivor doctor doctors nurse teacher student students "
        "worker workers employee employees union union's governor's democrat democrats "
        "republican republicans conservative conservatives liberal liberals progressive "
        "progressives backer backers ally allies friend relative father mother son daughter "
        "wife husband brother sister colleague colleagues rival rivals challenger incumbent "
        "veteran veterans ambassador militant militants commander rebel rebels soldier soldiers "
        "fighter fighters officer officers agency ministry department office committee panel "
        "council court government administration campaign party company firm group bank "
        "report study survey poll statement memo letter ad advertisement website post blog "
        "newspaper paper magazine outlet agency channel network broadcaster tweet video "
        "assessment document documents filing filings data figures analysis release "
        "publication review audit commissioner ombudsman councillor councilor campaigner "
        "campaigners shopkeeper shopkeepers farmer farmers lecturer principal headteacher "
        "dean chancellor provost governor-general speaker whip treasurer chairperson "
        "vice-president vice-chairman prime premier ceo cfo coo cto boss bosses owner owners "
        "spokesmen spokeswomen president's minister's mayor's secretary's attorney-general "
        "surgeon physician psychologist historian sociologist political scientist lobbyist "
        "donor donors fan fans parent parents citizen citizens protester protesters "
        "demonstrator demonstrators organiser mediator envoy observer observers monitor "
        "monitors inspector inspectors detective detectives officer constable sheriff "
        "commander-in-chief captain skipper striker midfielder defender goalkeeper referee "
        "chief-executive chairman-elect candidate-elect co-founder pastor priest bishop rabbi "
        "imam cleric clerics elder elders chief-of-staff aide-de-camp "
        "producer producers actor actress singer presenter designer developer developers "
        "publisher novelist playwright comedian entrepreneur investor investors banker bankers "
        "broker trader traders chef architect engineer engineers"
    ).split()
)

# What ties an unnamed source to what they know, with its preposition: "a source familiar with
# the matter", "people close to Cruz", "an official briefed on the talks", "with knowledge of".
SOURCE_LINKS = {
    "familiar": "with", "close": "to", "closest": "to", "briefed": "on", "knowledge": "of",
    "knowledgeable": "about", "involved": "in", "aware": "of", "privy": "to", "loyal": "to",
    "speaking": "to", "talking": "to",  # "another source speaking to Fox News said"
}

# First words of an aside between commas that is no role: "Clinton, during a meeting in Ohio, said".
APPOSITIVE_NOT_ROLES = frozenset(
    "during in at on after before while when since though although however meanwhile also too "
    "speaking writing asked citing according like unlike despite".split()
)

# Prepositions whose object is never a sentence's subject: "Clinton, during a meeting in Columbus, Ohio, said".
PLACE_PREPOSITIONS = frozenset({"in", "at", "during", "near", "outside", "inside", "from", "into", "across", "throughout"})

# Prefixes that keep a role a role: "co-host", "ex-minister", "vice-chair".
ROLE_PREFIXES = frozenset({"co", "ex", "vice", "deputy", "acting", "former"})

# Role nouns that are people (a pronoun can refer to them), with gender when the noun says it.
PERSON_ROLE_GENDER = {
    "spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f",
    "congressman": "m", "congresswoman": "f", "king": "m", "queen": "f", "prince": "m",
    "father": "m", "mother": "f", "son": "m", "daughter": "f", "wife": "f", "husband": "m",
    "brother": "m", "sister": "f", "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f",
    "ms.": "f", "miss": "f", "sir": "m", "lord": "m", "lady": "f", "dame": "f",
    "councilman": "m", "councilwoman": "f",
}



def _given_names(path: Path) -> dict[str, str]:
    """"m Aaron Abdul ..." lines: each name with the gender a pronoun referring to them takes."""
    genders: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            gender, *names = line.split()
            genders.update(dict.fromkeys(names, gender))
    return genders


# Given names a man or a woman bears (given_names.txt): "Sharon Osbourne" is "she", not "he".
GIVEN_NAME_GENDER = _given_names(Path(__file__).with_name("given_names.txt"))

# Head words that make a capitalised name an organisation, not a person.
ORG_HEADS = set(
    (
        "Department Ministry Office Agency Service Services Council Committee Commission Party "
        "Court House Senate Congress Parliament Government Administration Campaign Bank Fund "
        "Union Association Institute University College School Company Corporation Corp Corp. "
        "Inc Inc. Ltd Group News Times Post Journal Tribune Herald Telegraph Guardian Gazette "
        "Reuters Interfax Novosti TASS Associated Press Army Navy Forces Police Pentagon Kremlin "
        "Federation Organisation Organization Network Foundation Center Centre Board Authority "
        "Bureau Cabinet Staff Headquarters Command Guard Guards Assembly Duma Rada Verkhovna "
        "Embassy Mission Coalition Alliance Movement Front League Club Society Institute Trust "
        "Council Secretariat Directorate Inspectorate Prosecutor's Service Channel Radio TV "
        "Television Broadcasting Media Press Magazine Daily Weekly Review Monitor Observer "
        "Foundation PAC Industries Systems Technologies Airlines Motors Energy Holdings Partners "
        "Capital Securities Reserve Exchange Commission Chamber Caucus Republicans Democrats "
        "Conservatives Labour Tories Liberals Greens Ministry's Department's Committee's"
    ).split()
)

# Last words of the names of places, venues and events, not of people: "Carrow Road",
# "Goodison Park", "the Grand Prix" (words that are also surnames, Hall, Hill, Castle, are not here).
PLACE_HEADS = frozenset(
    (
        "Road Avenue Square Boulevard Stadium Arena Ground Park Prix Cup Championship "
        "Championships Olympics Games Festival Awards Airport Station Centre Center "
        "Island Islands Valley River Lake Mountains Coast Cathedral Abbey Gardens Theatre "
        "Theater Museum Gallery Prison Motorway Highway Bridge Tower Square Strait Sea Ocean"
    ).split()
)

# Words before a name that make it no sentence's subject: "an Alan Shearer strike",
# "appointed by Obama" (for the pronoun rule).
NOT_SUBJECT_BEFORE = frozenset("a an by".split())  # (not "for": "not enough for Mr Sarkozy. \"...,\" he said")

# Words before a quoted word that is the writer's gloss or name for something, not anyone's
# words: 'Latin for "truth"', 'dubbed "the Iron Lady"', 'known as "fracking"'.
GLOSS_WORDS = frozenset(
    ("latin for", "greek for", "french for", "short for", "slang for", "code for", "word for",
     "term for", "dubbed", "nicknamed", "so-called", "termed", "meaning", "means", "known as",
     "named", "titled", "entitled")
)

# Capitalised words that start sentences or stand alone without being names.
NOT_NAMES = set(
    (
        "The A An And But Or Nor So Yet For In On At By With From To Of As If When While Where "
        "Why How What Who Whom Whose Which That This These Those There Here Then Than Now Today "
        "Yesterday Tomorrow Tonight Earlier Later Previously Meanwhile However Moreover Also "
        "Although Though After Before Since Until Because During Despite Still Even Just Only "
        "It Its It's He She They We I You His Her Their Our My Your Him Them Us Me One Some Any "
        "All Many Most More Much Few Several Each Every Both Either Neither No Not Yes Such "
        "Details Quote Source Background Update Advertisement Photo Video Read Related "
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
        "May June July August September October November December Mr Mrs Ms Dr "
        "According Asked Speaking Writing Citing Following Under Over Among Amid Against "
        "Instead Indeed Perhaps Maybe Last Next First Second Third Another Other Others "
        "Thus Hence Therefore Otherwise Once Twice Do Does Did Is Are Was Were Be Been "
        "Has Have Had Will Would Can Could Should Must May Might Shall Let Let's Please "
        "Oh Well Sure Ok OK Okay Thank Thanks Dear Hello Hi Sorry Look Listen "
        "Two Three Four Five Six Seven Eight Nine Ten Half Dozens Hundreds Thousands Millions"
    ).split()
)

# Words after which a quotation is a name or title, not someone's words.
TITLE_CUES = set(
    (
        "so-called titled entitled dubbed nicknamed named called term word words phrase slogan "
        "hashtag book books film movie show series song album program programme article op-ed "
        "column headline operation codenamed code-named label labelled labeled known "
        "brand motto mantra catchphrase tagline podcast documentary play episode novel poem "
        "magazine newspaper blog essay report"
    ).split()
)

STOP_WORDS = set(
    (
        "the a an and or but of to in on at by for with from as is are was were be been being "
        "that this these those there their them they he she it its his her him we us our you "
        "your i me my mr mrs ms dr who whom whose which what when where why how not no yes "
        "has have had do does did will would could should can may might must shall also said "
        "says say told tell according than then so if about into over after before up down out "
        "off just very more most some any all other such only own same too"
    ).split()
)

# Places that are named like people ("North Dakota", "New Hampshire"): countries and US states.
# Registered as organisations (a country can speak: "Russia said"), never as persons, so that
# "he" is not resolved to one.
PLACES = frozenset(
    (
        "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
        "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
        "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
        "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
        "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
        "West Virginia|Wisconsin|Wyoming|District of Columbia|Puerto Rico|"
        "Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|"
        "Bangladesh|Belarus|Belgium|Bolivia|Bosnia|Brazil|Bulgaria|Cambodia|Cameroon|Canada|Chile|"
        "China|Colombia|Congo|Croatia|Cuba|Cyprus|Czech Republic|Denmark|Ecuador|Egypt|El Salvador|"
        "Estonia|Ethiopia|Finland|France|Germany|Ghana|Greece|Guatemala|Haiti|Honduras|Hungary|"
        "Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Japan|Jordan|Kazakhstan|Kenya|"
        "Kosovo|Kuwait|Latvia|Lebanon|Libya|Lithuania|Malaysia|Mali|Mexico|Moldova|Mongolia|"
        "Montenegro|Morocco|Myanmar|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|"
        "North Korea|North Macedonia|Norway|Oman|Pakistan|Palestine|Panama|Paraguay|Peru|"
        "Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|"
        "Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|"
        "Sudan|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Tunisia|Turkey|"
        "Turkmenistan|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|"
        "Uzbekistan|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Crimea|Donbas|Gaza|West Bank|Europe|"
        "Africa|Asia|Latin America|Middle East|Britain|England|Scotland|Wales"
    ).split("|")
)


# -- What was said, and who can say it (reported_rules.py, speaker.py) ----------------------------

# Words that cannot open a clause or a noun phrase that someone said.
NOT_OPENERS = frozenset(
    "between over with of for on in at by from about into such beyond under through across after "
    "before during without within against toward towards around along among behind like than "
    "anywhere everywhere somewhere upon onto via per".split()
)
# A speech verb's own preposition: "warned of losses", "spoke about", "commented on".
SPEECH_PREPOSITIONS = frozenset({"of", "about", "on", "against", "over", "for"})
# Cues that also give a thing its name: "a company called Cambridge Analytica".
NAMING = frozenset("call dub label term brand".split())
# "back" as an adverb or particle, not a stance: "backed down", "went back to", "cut back".
BACK_PARTICLES = frozenset("down up off away to into in home out from on".split())
BACK_MOTION = frozenset(
    "go goes went gone going come comes came coming get gets got getting cut cuts cutting bring "
    "brings brought bringing fight fights fought fighting hit hits "
    "look looks looked looking send sends sent sending turn turns turned turning way".split()
)
# Finite verbs that show a clause: "said the rules were incompatible".
AUX_VERBS = frozenset(
    "is are was were am has have had will would can could should may might must do does did "
    "'s ’s 're ’re 'll ’ll 'd ’d".split()
)
# Figures and texts that "according to" may cite, which are no speaker: "according to exit polls".
DATA_SOURCES = frozenset(
    "figures estimates estimate statistics polls poll polling data research survey surveys study "
    "studies records report reports accounts forecasts predictions findings results filings "
    "documents newspapers numbers returns count tally analysis summary".split()
)
# Verbs of saying that report a clause: a cue of theirs whose subject is too long to find takes
# the phrase opening the sentence ("Lord Bingham - a senior law lord - said the rules were ...").
STATING = frozenset(
    "say tell write add note argue claim warn insist announce admit confirm predict explain state "
    "acknowledge suggest complain concede reveal declare".split()
)
# Words that open a sentence but no subject: "Possibly ...", "About 500 officials", "Further muddying".
NOT_SUBJECT_OPENERS = frozenset(
    "possibly about further between lost among after before during perhaps meanwhile also only just "
    "even still yet so then there here it this that these those what which".split()
)
# Words that end the name of a programme or a paper where something was said: "on GMTV's Sunday Programme".
VENUES = frozenset("programme program show radio tv television news today breakfast newsnight channel network".split())
# Answers that are a claim of one word: "46 percent of voters said yes".
ANSWERS = frozenset("yes no".split())
# Words that open a noun phrase, not a clause: "maintains | a wide lead", "wrote | the letter".
NOUN_DETERMINERS = frozenset("a an the his her their its my our your this these those".split())
# What someone raises when they speak: "raised concerns", "raised the question of".
RAISED_MATTERS = frozenset(
    "concern concerns question questions doubt doubts fear fears objection objections issue issues "
    "alarm possibility prospect idea criticism complaint complaints point points matter subject".split()
)
# Prepositions a verb of stance takes: "pushed for action", "agreed with them", "called upon".
VERB_PREPOSITIONS = frozenset("for with upon against about".split())
JOINING_CONJUNCTIONS = frozenset("and or nor".split())
RELATIVES = frozenset("which that who whom what".split())
# Words of NOT_NAMES that are given names when a surname follows them: "said Will Doyle".
GIVEN_NAMES_TOO = frozenset({"Will", "May"})
FINITE_AUX = frozenset(
    "can could will would should must may might shall is are was were am has have had do does "
    "did requires".split()
)
# Adjectives before a cue word that make it a noun: "the clear support", "its central claim",
# "in global demand"; and the endings of adjectives that are never nouns ("renewed", "famous").
ADJECTIVES = frozenset(
    "clear strong broad wide widespread fresh growing open vague strange false bold central global "
    "national international political economic financial legal personal federal local regional "
    "total overall further constant repeated frequent".split()
)
ADJECTIVE_ENDINGS = ("ed", "ous", "ful", "less", "ible", "able")
# Words with an adjective's ending that are nouns: "the table read", "the bed".
NOT_ADJECTIVES = frozenset("table cable bed need seed speed creed".split())
# Plans, wishes and decisions: what someone means to do, not what anyone said.
INTENTIONS = frozenset("want hope plan aim seek try intend wish prefer expect decide".split())
NOTHING_SAID = frozenset("comment elaborate speculate be".split())  # "declined to be drawn"
PERCEPTION = frozenset("find discover notice".split())
PERSONAL_PRONOUNS = frozenset("he she i we you they".split())
REFLEXIVES = frozenset("himself herself themselves itself myself ourselves yourself yourselves".split())
# Words that open the clause after a listener: "told MPs | a new White Paper was ...".
CLAUSE_OPENERS = frozenset(
    "he she it they we i you there the a an this these that those his her its their our my no "
    "some all many most several any every".split()
)
OBJECT_PRONOUNS = frozenset("him her them us me".split())
# Irregular past forms of common verbs: "... and made comments", "... and went on".
IRREGULAR_PAST = frozenset(
    "made went took gave got came said told wrote thought felt knew saw found left kept held "
    "brought bought sent spent met ran won lost put set let paid led fell rose drew threw spoke "
    "began sought stood sat became chose forgot hid hit quit shut stuck struck swore tore wore".split()
)
# Adverbs between "and" and a verb: "and then told", "and also warned".
FINITE_VERB_ADVERBS = frozenset("then also later still again even never now repeatedly".split())


def past_or_speech_verb(text: str, low: str) -> bool:
    """A lower-case verb in the past ("made", "counter-accused") or a form of a reporting verb
    ("says", "warned")."""
    if not text[:1].islower():
        return False
    return low in IRREGULAR_PAST or (low.endswith("ed") and len(low) > 4) or (low in CUES and low != CUES[low])
# Capitalised words after "denied" that are no person: what was denied ("denied The Times report").
NOT_PERSONS_AFTER_DENY = frozenset("the a an any all reports report claims claim allegations it this that these those".split())

# Words a speaker's name never ends in: a speaker is a person, a group or an organisation, never a
# number or a share ("70%", "Six in 10"), a word of the sentence's grammar ("reviews came", "those
# questioned", "mean anyone"), or a text, rule or event ("the ministerial code", "Benghazi terror").
NOT_SPEAKER_HEADS = frozenset(
    (
        # numbers and shares
        "percent per cent % 0 1 2 3 4 5 6 7 8 9 10 000 half quarter dozen hundred hundreds thousand "
        "one two three four five six seven eight nine ten twenty thirty forty fifty hundred "
        "thousands million millions billion "
        # grammar: prepositions, conjunctions, pronoun objects and indefinites
        "on over to by of for in at with from into about than and or anyone anything everyone "
        "everything someone something nobody nothing us them him her it me you "
        # texts, rules and events that do not speak
        "code law laws rule rules act bill constitution treaty clause guidelines regulations "
        "policy plan plans system process deal move debate control spending terror murder name "
        "issue issues evidence event meeting trial game match contest contests story "
        "document documents outline draft memo dossier leaflet"
    ).split()
)
# Lower-case nouns that can be a speaker besides ROLE_NOUNS: people and groups of them,
# organisations, and the texts news cites as a source ("a poll found", "the report said").
# A speaker whose head is any other lower-case word ("the clear support", "Full details",
# "The speeds offer") is a phrase of the sentence, not someone.
PEOPLE_NOUNS = frozenset(
    (
        "people person persons man men woman women boy boys girl girls child children kid kids "
        "family families couple crowd crowds audience audiences public community communities "
        "generation youth adults locals neighbours neighbors team teams staff crew leadership "
        "followers associates peers partners politicians authorities delegates delegation "
        "superdelegates participants respondents attendees speakers speaker moderator narrator "
        "user users viewers readers listeners spectators sceptics skeptics proponents advocates "
        "defenders detractors hopeful hopefuls contenders competitors frontrunner front-runner "
        "appointee appointees challengers candidates leaders advisers advisors nominees governors "
        "mayors senators representatives ministers presidents chiefs heads directors managers "
        "owners executives attorneys editors authors writers reporters journalists commentators "
        "columnists hosts presenters producers stars star celebrity celebrities tycoon mogul "
        "magnate businessman businesswoman businessmen entrepreneur billionaire millionaire "
        "politician lobbyists lobbyist agents agent guard guards troops forces army military "
        "navy immigrants refugees migrants patients customers clients consumers shoppers "
        "passengers travellers travelers tourists shareholders stakeholders taxpayers "
        "pensioners parents families neighbours teachers pupils graduates scholars academics "
        "officers detectives firefighters paramedics medics surgeons physicians nurses "
        "socialist socialists nationalist nationalists separatists insurgents terrorists "
        "terrorist gunmen gunman attackers suspect suspects defendant defendants plaintiff "
        "plaintiffs accused jury jurors panel inspectors monitors watchdog watchdogs "
        "others allies foes enemies rivals "
    ).split()
)
# Organisations: what "it" can stand for when it speaks ("The government denied it. In a
# statement, it said").
ORGANISATION_NOUNS = frozenset(
    (
        "government company firm party ministry department agency office committee council court "
        "magazine newspaper outlet broadcaster tabloid "
        "administration campaign bank agencies ministries departments offices committees councils courts governments "
        "administrations campaigns parties companies firms groups banks business businesses "
        "corporation corporations organization organizations organisation organisations "
        "institution institutions institute university universities school schools college "
        "hospital hospitals union unions association associations federation league club "
        "clubs coalition alliance movement faction factions network networks channel station "
        "broadcaster broadcasters newspapers papers magazines outlets publications site sites "
        "websites platform service services bureau commission commissions board boards "
        "authority regime embassy parliament congress senate legislature legislators state "
        "states nation nations country countries city cities county district districts region "
        "airline airlines carrier retailer retailers manufacturer manufacturers maker makers "
        "supplier suppliers operator operators provider providers giant chain foundation "
        "charity charities lobby industry sector club unit division branch team management "
        "employer employers landlord landlords body bodies organisers organizers tribunal "
        "tribunals band bands orchestra choir cast assistant assistants schoolchildren island "
        "islands town towns village capital province republic kingdom "
        "worker staffers colleague spokesmen inquiry panel jury "
    ).split()
)
TEXT_NOUNS = frozenset(
    (
        "report study survey poll statement memo letter ad advertisement website post blog tweet "
        "video document filing data figures analysis release publication review audit reports study studies surveys polls polling statements memos letters ads "
        "advertisements websites posts blogs tweets videos email emails record records "
        "filings analyses releases publications reviews audits article articles editorial "
        "editorials column research findings results petition lawsuit lawsuits suit "
        "complaint indictment ruling verdict book books interview interviews transcript "
        "message messages note notes account accounts summary estimate estimates forecast "
        "forecasts projections numbers statistics tally count census investigation probe "
        "inquiry page platform motion resolution proposal white paper"
    ).split()
)
SPEAKER_NOUNS = ROLE_NOUNS | PEOPLE_NOUNS | ORGANISATION_NOUNS | TEXT_NOUNS
# Quantities that stand for people ("both said", "many believe", "most agreed"): a speaker left
# as written, not a phrase to drop.
QUANTITY_SPEAKERS = frozenset("both many most all some few several none each either neither".split())

# Words that trail a name without being part of it: "Trump last week", "Carter however", "the
# Brookings Institution last year", "Donald Trump didn't".
TRAILING_WORDS = frozenset(
    (
        "week weeks month months year years day days night morning afternoon evening time minutes "
        "hours decade monday tuesday wednesday thursday friday saturday sunday today yesterday "
        "tonight last this next earlier later then now also still however meanwhile always ever "
        "never just only even quite again too often usually released taken published himself herself "
        "themselves itself"
    ).split()
)
WEEKDAY_NAMES = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# Words that say a share of people said it: "70 %", "Nearly half".
SHARE_WORDS = frozenset("percent % cent half quarter third majority minority most many".split())
# Texts that carry someone's words without being their author: "The document reportedly said".
DOCUMENTS = frozenset("document documents outline draft memo dossier leaflet".split())

# -- Titles and headlines (claims.py, headline.py) -------------------------------------------------

# Short words a title leaves in lower case: "Eye of the Tiger", "Those Guys Have All the Fun".
TITLE_SMALL_WORDS = frozenset("a an the and or but nor of for with to in on at by from as into via vs".split())
# Contractions that make quoted words a sentence, not a title: "That's Jeb Bush and Marco Rubio."
SPOKEN_CONTRACTIONS = frozenset("that's it's he's she's there's what's here's i'm we're they're you're i'll we'll".split())
# Words that open no statement after a headline's verb: a passive's agent, a preposition.
NOT_A_STATEMENT = {"by", "of", "to", "for", "in", "on", "at", "with", "from", "over", "after", "as"}

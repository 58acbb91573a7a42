"""What is wrong in a file a person wrote (``problem.*``), in the interface language.

A :class:`simulator.errors.Problem` names the file, line, column and key itself; these
are its message and its suggestion. Keys ending in ``.fix`` are suggestions.
"""

from __future__ import annotations

PROBLEM_TEXTS: dict[str, dict[str, str]] = {
    # "2 problems in scenario:", then one problem a line.
    "problem.header_one": {"en": "1 problem in {kind}:", "fr": "1 problème dans {kind} :"},
    "problem.header_many": {
        "en": "{count} problems in {kind}:",
        "fr": "{count} problèmes dans {kind} :",
    },
    # The kinds of file, as the header names them.
    "problem.kind.file": {"en": "file", "fr": "le fichier"},
    "problem.kind.scenario": {"en": "scenario", "fr": "le scénario"},
    "problem.kind.rule_pack": {"en": "rule pack", "fr": "le pack de règles"},
    "problem.kind.voice_profile": {"en": "voice profile", "fr": "le profil de voix"},
    "problem.kind.transcript": {"en": "transcript", "fr": "la transcription"},
    "problem.kind.settings_file": {"en": "settings file", "fr": "le fichier de réglages"},
    "problem.kind.replies_file": {"en": "replies file", "fr": "le fichier de réponses"},
    "problem.kind.yaml_file": {"en": "YAML file", "fr": "le fichier YAML"},
    # Reading the file
    "problem.no_such_file": {"en": "no such file", "fr": "ce fichier n'existe pas"},
    "problem.no_such_file.fix": {"en": "check the path", "fr": "vérifiez le chemin"},
    "problem.is_folder": {
        "en": "this is a folder, not a file",
        "fr": "c'est un dossier, pas un fichier",
    },
    "problem.not_utf8": {
        "en": "this file is not UTF-8 text (byte {byte})",
        "fr": "ce fichier n'est pas du texte UTF-8 (octet {byte})",
    },
    "problem.not_utf8.fix": {"en": "save it as UTF-8", "fr": "enregistrez-le en UTF-8"},
    "problem.unreadable": {
        "en": "cannot read this file: {why}",
        "fr": "impossible de lire ce fichier : {why}",
    },
    # Size and shape
    "problem.too_deep": {
        "en": "lists and mappings are nested more than {depth} levels deep here",
        "fr": "listes et dictionnaires sont imbriqués sur plus de {depth} niveaux ici",
    },
    "problem.too_deep.fix": {
        "en": "a roleplay file needs only a few levels; check for brackets that are not closed",
        "fr": "un fichier roleplay n'a besoin que de quelques niveaux ; cherchez des crochets "
        "qui ne sont pas fermés",
    },
    "problem.alias_loop": {
        "en": "an alias (*name) is used inside the very list or mapping it names, "
        "so this would never end",
        "fr": "un alias (*nom) est employé dans la liste ou le dictionnaire même qu'il "
        "désigne : cela ne finirait jamais",
    },
    "problem.alias_loop.fix": {
        "en": "write the repeated part out instead of using the alias",
        "fr": "écrivez la partie répétée en entier au lieu d'employer l'alias",
    },
    "problem.too_many_values": {
        "en": "this file expands to more than {count:,} values "
        "(each alias *name repeats everything it names)",
        "fr": "ce fichier se déploie en plus de {count} valeurs "
        "(chaque alias *nom répète tout ce qu'il désigne)",
    },
    "problem.too_many_values.fix": {
        "en": "use fewer aliases, or split the file",
        "fr": "employez moins d'alias, ou découpez le fichier",
    },
    "problem.not_a_mapping": {
        "en": "expected a mapping of keys at the top, got {got}",
        "fr": "un dictionnaire de clés était attendu au début, trouvé : {got}",
    },
    "problem.not_a_mapping_empty": {
        "en": "expected a mapping of keys at the top, got an empty file",
        "fr": "un dictionnaire de clés était attendu au début, mais le fichier est vide",
    },
    # YAML and JSON syntax
    "problem.yaml": {
        "en": "this is not valid YAML: {why}",
        "fr": "ce n'est pas du YAML valide : {why}",
    },
    "problem.yaml.fix": {
        "en": "check the indentation, the brackets and quotes, and that every 'key: value' "
        "has a space after the colon",
        "fr": "vérifiez l'indentation, les crochets et les guillemets, et que chaque "
        "'clé: valeur' a une espace après les deux-points",
    },
    "problem.yaml.tab": {
        "en": "this is not valid YAML: a tab character here; YAML indents with spaces only",
        "fr": "ce n'est pas du YAML valide : une tabulation ici ; YAML n'indente qu'avec des "
        "espaces",
    },
    "problem.yaml.tab.fix": {
        "en": "replace the tab with spaces",
        "fr": "remplacez la tabulation par des espaces",
    },
    "problem.yaml.unclosed_list": {
        "en": "this is not valid YAML: the list in [ ] that starts here is not closed "
        "properly ({why} on line {line})",
        "fr": "ce n'est pas du YAML valide : la liste entre [ ] qui commence ici n'est pas "
        "bien fermée ({why} à la ligne {line})",
    },
    "problem.yaml.unclosed_mapping": {
        "en": "this is not valid YAML: the mapping in {{ }} that starts here is not closed "
        "properly ({why} on line {line})",
        "fr": "ce n'est pas du YAML valide : le dictionnaire entre {{ }} qui commence ici "
        "n'est pas bien fermé ({why} à la ligne {line})",
    },
    "problem.yaml.in_block": {
        "en": "this is not valid YAML: {why} here, in the block that starts on line {line}",
        "fr": "ce n'est pas du YAML valide : {why} ici, dans le bloc qui commence à la "
        "ligne {line}",
    },
    "problem.yaml.indent": {
        "en": "this is not valid YAML: this line is indented {spaces} spaces, which lines up "
        "with no key or list item above it (they are indented {levels} spaces)",
        "fr": "ce n'est pas du YAML valide : cette ligne est indentée de {spaces} espaces, "
        "alignée sur aucune clé ni aucun élément de liste au-dessus (indentés de {levels} "
        "espaces)",
    },
    "problem.yaml.indent.fix": {
        "en": "indent it with as many spaces as the keys it belongs with",
        "fr": "indentez-la d'autant d'espaces que les clés dont elle fait partie",
    },
    "problem.yaml.unclosed_quote": {
        "en": "this is not valid YAML: the quoted text that starts here is not closed "
        "properly ({why} on line {line})",
        "fr": "ce n'est pas du YAML valide : le texte entre guillemets qui commence ici "
        "n'est pas bien fermé ({why} à la ligne {line})",
    },
    "problem.yaml.two_documents": {
        "en": "this is not valid YAML: expected a single document in the file, but another "
        "one starts on line {line}",
        "fr": "ce n'est pas du YAML valide : un seul document était attendu dans le fichier, "
        "mais un autre commence à la ligne {line}",
    },
    # What the YAML parser found, inside the messages above.
    "problem.yaml.why.comma_or_bracket": {
        "en": "did not find expected ',' or ']'",
        "fr": "une ',' ou un ']' était attendu",
    },
    "problem.yaml.why.comma_or_brace": {
        "en": "did not find expected ',' or '}}'",
        "fr": "une ',' ou une '}}' était attendue",
    },
    "problem.yaml.why.key": {"en": "did not find expected key", "fr": "une clé était attendue"},
    "problem.yaml.why.dash": {
        "en": "did not find expected '-' indicator",
        "fr": "un '-' était attendu",
    },
    "problem.yaml.why.end_of_file": {
        "en": "found unexpected end of stream",
        "fr": "le fichier se termine trop tôt",
    },
    "problem.yaml.why.colon": {
        "en": "mapping values are not allowed in this context",
        "fr": "un ':' là où aucune clé ne peut commencer",
    },
    "problem.yaml.why.bad_character": {
        "en": "found character that cannot start any token",
        "fr": "un caractère qui ne peut commencer aucune valeur",
    },
    "problem.yaml.why.undefined_alias": {
        "en": "found undefined alias",
        "fr": "un alias (*nom) qui ne désigne rien",
    },
    "problem.yaml.why.unknown_escape": {
        "en": "found unknown escape character",
        "fr": "un échappement (\\) inconnu entre guillemets",
    },
    "problem.yaml.why.tag": {
        "en": "could not determine a constructor for the tag {tag}",
        "fr": "l'étiquette {tag} n'est pas permise",
    },
    "problem.tag_misfit": {
        "en": "{value} cannot be read as !!{tag}",
        "fr": "{value} ne peut pas être lu comme !!{tag}",
    },
    "problem.tag_misfit.fix": {
        "en": "remove the '!!{tag}' tag, or quote the value to keep it as text",
        "fr": "retirez l'étiquette '!!{tag}', ou mettez la valeur entre guillemets pour la "
        "garder comme texte",
    },
    "problem.json": {
        "en": "this is not valid JSON: {why}",
        "fr": "ce n'est pas du JSON valide : {why}",
    },
    "problem.too_many_digits": {
        "en": "a number in this file has too many digits to be read",
        "fr": "un nombre de ce fichier a trop de chiffres pour être lu",
    },
    # Keys and values
    "problem.unknown_key": {"en": "unknown key", "fr": "clé inconnue"},
    "problem.did_you_mean": {"en": "did you mean {name}?", "fr": "vouliez-vous dire {name} ?"},
    "problem.allowed_keys": {
        "en": "allowed keys here: {keys}",
        "fr": "clés permises ici : {keys}",
    },
    "problem.missing_key": {
        "en": "this key is required but missing",
        "fr": "cette clé est obligatoire mais absente",
    },
    "problem.missing_key.fix": {"en": "add '{key}:'", "fr": "ajoutez '{key}:'"},
    "problem.unknown_tag": {
        "en": "{tag} is not a known {field}; expected one of {options}",
        "fr": "{tag} n'est pas une valeur connue de {field} ; valeurs possibles : {options}",
    },
    "problem.not_allowed": {
        "en": "{value} is not allowed here; expected {expected}",
        "fr": "{value} n'est pas permis ici ; valeurs possibles : {expected}",
    },
    # The last of a list of choices: "'a', 'b' or 'c'".
    "problem.either": {"en": "{first} or {last}", "fr": "{first} ou {last}"},
    "problem.with_value": {"en": "{message} (got {value})", "fr": "{message} (trouvé : {value})"},
    # Wrong type (pydantic's error types)
    "problem.type.int": {
        "en": "input should be a valid integer",
        "fr": "un nombre entier est attendu",
    },
    "problem.type.number": {"en": "input should be a valid number", "fr": "un nombre est attendu"},
    "problem.type.bool": {
        "en": "input should be a valid boolean (true or false)",
        "fr": "true ou false est attendu",
    },
    "problem.type.text": {"en": "input should be a valid string", "fr": "du texte est attendu"},
    "problem.type.list": {"en": "input should be a valid list", "fr": "une liste est attendue"},
    "problem.type.mapping": {
        "en": "input should be a mapping of keys",
        "fr": "un dictionnaire de clés est attendu",
    },
    "problem.type.finite": {
        "en": "input should be a finite number",
        "fr": "un nombre fini est attendu",
    },
    # Out of range
    "problem.range.gt": {
        "en": "input should be greater than {limit}",
        "fr": "la valeur doit être supérieure à {limit}",
    },
    "problem.range.ge": {
        "en": "input should be greater than or equal to {limit}",
        "fr": "la valeur doit être supérieure ou égale à {limit}",
    },
    "problem.range.lt": {
        "en": "input should be less than {limit}",
        "fr": "la valeur doit être inférieure à {limit}",
    },
    "problem.range.le": {
        "en": "input should be less than or equal to {limit}",
        "fr": "la valeur doit être inférieure ou égale à {limit}",
    },
    "problem.range.text_short": {
        "en": "this text should have at least {limit} character(s)",
        "fr": "ce texte doit avoir au moins {limit} caractère(s)",
    },
    "problem.range.text_long": {
        "en": "this text should have at most {limit} character(s)",
        "fr": "ce texte doit avoir au plus {limit} caractère(s)",
    },
    "problem.range.list_short": {
        "en": "this list should have at least {limit} item(s)",
        "fr": "cette liste doit avoir au moins {limit} élément(s)",
    },
    "problem.range.list_long": {
        "en": "this list should have at most {limit} item(s)",
        "fr": "cette liste doit avoir au plus {limit} élément(s)",
    },
    "problem.pattern": {
        "en": "this text should match the pattern {pattern}",
        "fr": "ce texte doit suivre le motif {pattern}",
    },
    # Rules of roleplay's own files
    "problem.end_and_next": {
        "en": "a node with 'end' closes the call, so it cannot also have 'next'",
        "fr": "un nœud avec 'end' termine l'appel : il ne peut pas avoir aussi 'next'",
    },
    "problem.model_line_key": {
        "en": "not a rule id: write the pack and the rule as the scorecard names them, "
        "e.g. empathy.missing-next-step or avoided.i-dont-know",
        "fr": "ce n'est pas un identifiant de règle : écrivez le pack et la règle comme la "
        "fiche les nomme, par ex. empathy.missing-next-step ou avoided.je-ne-sais-pas",
    },
    "problem.band_order": {
        "en": "min_wpm ({low}) must be below max_wpm ({high})",
        "fr": "min_wpm ({low}) doit être inférieur à max_wpm ({high})",
    },
    "problem.rule_twice": {
        "en": "rule id '{id}' is used twice",
        "fr": "l'identifiant de règle '{id}' est employé deux fois",
    },
    "problem.rule_twice.fix": {
        "en": "give each rule its own id",
        "fr": "donnez à chaque règle son propre identifiant",
    },
    # How a scenario's nodes connect
    "problem.no_node": {"en": "there is no node {name}", "fr": "il n'y a pas de nœud {name}"},
    "problem.no_objective": {
        "en": "there is no checked objective {name} (an objective with that id and a kind)",
        "fr": "il n'y a pas d'objectif vérifié {name} (un objectif avec cet id et un type)",
    },
    "problem.hangup_must_end": {
        "en": "node {name} must end the call",
        "fr": "le nœud {name} doit terminer l'appel",
    },
    "problem.hangup_must_end.fix": {
        "en": "add 'end: hung_up' to it",
        "fr": "ajoutez-lui 'end: hung_up'",
    },
    "problem.dead_end": {
        "en": "dead end: this node neither ends the call nor has 'next'",
        "fr": "impasse : ce nœud ne termine pas l'appel et n'a pas de 'next'",
    },
    "problem.dead_end.fix": {
        "en": "add 'end: resolved', 'end: escalated' or 'end: hung_up', or a 'next' branch",
        "fr": "ajoutez 'end: resolved', 'end: escalated' ou 'end: hung_up', ou une branche 'next'",
    },
    "problem.no_fallback": {
        "en": "when no condition holds the call has nowhere to go",
        "fr": "quand aucune condition n'est remplie, l'appel n'a nulle part où aller",
    },
    "problem.no_fallback.fix": {
        "en": "make the last branch a fallback without 'when'",
        "fr": "faites de la dernière branche une branche par défaut, sans 'when'",
    },
    "problem.unreachable": {
        "en": "unreachable: no branch leads to this node",
        "fr": "inaccessible : aucune branche ne mène à ce nœud",
    },
    "problem.unreachable.fix": {
        "en": "add a 'goto' to it, or remove it",
        "fr": "ajoutez un 'goto' vers lui, ou retirez-le",
    },
    "problem.no_ending": {
        "en": "no ending can be reached from the start",
        "fr": "aucune fin ne peut être atteinte depuis le début",
    },
    "problem.no_ending.fix": {
        "en": "add a node with 'end: resolved' and a branch that leads to it",
        "fr": "ajoutez un nœud avec 'end: resolved' et une branche qui y mène",
    },
    "problem.never_ends": {
        "en": "the call can never end once it reaches this node",
        "fr": "l'appel ne peut plus se terminer une fois arrivé à ce nœud",
    },
    "problem.never_ends.fix": {
        "en": "add a branch that leads towards an ending",
        "fr": "ajoutez une branche qui mène vers une fin",
    },
    "problem.id_differs": {
        "en": "the id {id} differs from the file name {stem}",
        "fr": "l'identifiant {id} diffère du nom du fichier {stem}",
    },
    "problem.id_differs.fix": {
        "en": "rename the file to {file} or change the id",
        "fr": "renommez le fichier en {file} ou changez l'identifiant",
    },
    "problem.id_taken": {
        "en": "the id {id} is already used by {file}",
        "fr": "l'identifiant {id} est déjà employé par {file}",
    },
    "problem.id_taken.fix": {
        "en": "give each scenario its own id",
        "fr": "donnez à chaque scénario son propre identifiant",
    },
    # Templates in customer lines
    "problem.template": {"en": "template error: {why}", "fr": "erreur de modèle : {why}"},
    "problem.template_too_deep": {
        "en": "template error: brackets nested too deep",
        "fr": "erreur de modèle : crochets imbriqués trop profondément",
    },
    "problem.template_loads": {
        "en": "a customer line cannot include, import or extend another template",
        "fr": "une réplique du client ne peut pas inclure, importer ou étendre un autre modèle",
    },
    "problem.template_private": {
        "en": "'{name}' is internal to Python; a customer line may only use its variables",
        "fr": "'{name}' est interne à Python ; une réplique du client ne peut employer que "
        "ses variables",
    },
    "problem.unknown_variable": {
        "en": "unknown variable {names}",
        "fr": "variable inconnue {names}",
    },
    "problem.unknown_variable.fix": {
        "en": "declare it under 'variables:'",
        "fr": "déclarez-la sous 'variables:'",
    },
}

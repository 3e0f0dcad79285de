"""Demo content for the example site: fictional authors and original career-advice articles.

This module holds data only; ``load_career_demo`` turns it into Wagtail objects. Image keys
(``hero`` and the ``image`` of image blocks) name pictures drawn by ``demo.images``.
"""

LANGUAGE_CODE = "fr"

HOME_TITLE = "Accueil"
HOME_SLUG = "accueil"
HOME_BODY = (
    "<p>Bienvenue sur le site de démonstration de <b>wagtail-career</b>.</p>"
    "<p>Rendez-vous dans la section <b>Carrière</b> pour lire des conseils pratiques sur la "
    "recherche d'emploi, les entrevues et l'évolution professionnelle, puis parcourez les "
    "<b>offres d'emploi</b> de nos employeurs partenaires.</p>"
)

INDEX_TITLE = "Carrière"
INDEX_SLUG = "carriere"
INDEX_INTRO = (
    "<p>Des conseils concrets pour chercher un emploi, réussir vos entrevues et faire "
    "progresser votre carrière, rédigés par des spécialistes du recrutement et de "
    "l'accompagnement professionnel.</p>"
)

# Image descriptions become the pictures' default alternative text in Wagtail.
HERO_DESCRIPTION = "Illustration abstraite : dégradé de couleurs et formes géométriques."
PORTRAIT_DESCRIPTION = "Portrait stylisé : les initiales de {name} sur un disque de couleur."
LOGO_DESCRIPTION = "Logo de {name}"
# The Wagtail site's name: the sender the newsletter's consent text names.
SITE_NAME = "Boréal Talents"

# Inline illustrations used in article bodies, with the motif drawn by demo.images.
INLINE_IMAGES = {
    "inline-bureau-domicile": {
        "motif": "screen",
        "description": "Un poste de travail à domicile : un écran, une lampe et une plante.",
    },
    "inline-cv-structure": {
        "motif": "document",
        "description": "Un CV à une colonne et trois coches de validation.",
    },
    "inline-parcours": {
        "motif": "path",
        "description": "Un sentier en plusieurs étapes qui monte vers un drapeau.",
    },
}

AUTHORS = [
    {
        "slug": "genevieve-lapointe",
        "name": "Geneviève Lapointe",
        "role": "Directrice associée",
        "organisation": "Boréal Talents",
        "bio": (
            "Geneviève Lapointe accompagne depuis quinze ans des organisations québécoises dans "
            "le recrutement de leurs cadres. Elle s'intéresse particulièrement à la négociation "
            "des conditions de travail et à l'intégration des nouveaux gestionnaires."
        ),
        "website": "https://example.com/boreal-talents/genevieve-lapointe",
        "linkedin_url": "https://www.linkedin.com/in/genevieve-lapointe-exemple",
    },
    {
        "slug": "olivier-bergeron-roy",
        "name": "Olivier Bergeron-Roy",
        "role": "Conseiller en recrutement",
        "organisation": "Boréal Talents",
        "bio": (
            "Olivier Bergeron-Roy mène chaque année des centaines d'entrevues pour des postes en "
            "technologies et en administration. Il aide les candidats à mieux se présenter, "
            "autant sur papier qu'à l'écran."
        ),
        "website": "https://example.com/boreal-talents/olivier-bergeron-roy",
        "linkedin_url": "https://www.linkedin.com/in/olivier-bergeron-roy-exemple",
    },
    {
        "slug": "nadia-fortin-sauve",
        "name": "Nadia Fortin-Sauvé",
        "role": "Coach de carrière",
        "organisation": "Atelier Fleuve Carrières",
        "bio": (
            "Nadia Fortin-Sauvé accompagne surtout des professionnels en transition de carrière. "
            "Elle anime des ateliers sur le réseautage et la recherche d'emploi dans plusieurs "
            "régions du Québec."
        ),
        "website": "https://example.com/atelier-fleuve/nadia-fortin-sauve",
        "linkedin_url": "https://www.linkedin.com/in/nadia-fortin-sauve-exemple",
    },
]

ARTICLES = [
    {
        "slug": "reussir-entrevue-video",
        "title": "Réussir son entrevue d'embauche par vidéo",
        "date": "2026-01-20",
        "intro": (
            "L'entrevue à distance est devenue une étape courante du recrutement. Quelques "
            "préparatifs techniques et un peu de pratique suffisent pourtant à faire oublier "
            "l'écran."
        ),
        "tags": ["Entrevue", "Carrière"],
        "authors": ["olivier-bergeron-roy"],
        "hero": "hero-entrevue-video",
        "body": [
            ("heading", "Tester son installation la veille"),
            (
                "paragraph",
                "<p>La plupart des pépins d'une entrevue virtuelle se règlent bien avant "
                "l'appel. La veille, ouvrez le lien reçu et vérifiez que la plateforme choisie "
                "par l'employeur fonctionne sur votre appareil. Certaines exigent une "
                "application ou une mise à jour : mieux vaut le découvrir à 20 h la veille "
                "qu'à 8 h 58 le jour même.</p>"
                "<p>Faites ensuite un court essai avec une personne de confiance. Demandez-lui "
                "si elle vous entend clairement, si votre visage est bien éclairé et si "
                "l'arrière-plan distrait. Un micro-casque ordinaire donne souvent un meilleur "
                "son que le micro intégré d'un portable.</p>",
            ),
            (
                "image",
                {
                    "image": "inline-bureau-domicile",
                    "caption": (
                        "Une lumière devant soi, la caméra à hauteur des yeux : deux réglages "
                        "qui changent tout."
                    ),
                    "alt": (
                        "Illustration d'un poste de travail à domicile avec un écran et une lampe."
                    ),
                },
            ),
            ("heading", "Soigner le cadre sans en faire trop"),
            (
                "paragraph",
                "<p>Placez la caméra à la hauteur de vos yeux, quitte à surélever l'ordinateur "
                "sur quelques livres. Installez-vous face à une fenêtre ou à une lampe plutôt "
                "que dos à elle, sinon vous apparaîtrez en silhouette. Un mur neutre ou une "
                "bibliothèque bien rangée fait très bien l'affaire; le flou d'arrière-plan est "
                "pratique, mais il crée parfois des effets étranges quand vous bougez les "
                "mains.</p>"
                "<ul><li>Fermez les onglets et les notifications inutiles.</li>"
                "<li>Branchez votre appareil pour ne pas dépendre de la batterie.</li>"
                "<li>Prévenez les personnes de la maison de l'heure de l'appel.</li></ul>",
            ),
            ("heading", "Parler à la caméra, pas à l'écran"),
            (
                "paragraph",
                "<p>Le réflexe naturel est de regarder le visage de son interlocuteur. Or, à "
                "l'écran, cela donne l'impression que vous fuyez son regard. Prenez l'habitude "
                "de fixer l'objectif quand vous répondez à une question importante, puis "
                "revenez à l'écran pour observer les réactions. Ce va-et-vient s'apprend en "
                "deux ou trois pratiques.</p>"
                "<p>Le délai de transmission rend aussi les interruptions plus fréquentes. "
                "Marquez une courte pause à la fin de vos réponses et laissez la personne "
                "terminer complètement ses questions avant d'enchaîner.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "En virtuel, une partie du langage non verbal se perd. Vos exemples "
                        "doivent donc être encore plus concrets, et vos réponses, mieux "
                        "structurées."
                    ),
                    "attribution": "Olivier Bergeron-Roy, conseiller en recrutement",
                },
            ),
            ("heading", "Avoir un plan B"),
            (
                "paragraph",
                "<p>Gardez à portée de main le numéro de téléphone de la personne qui vous "
                "reçoit. Si la connexion tombe, reconnectez-vous une fois; si le problème "
                "persiste, appelez-la ou écrivez-lui aussitôt en proposant de poursuivre par "
                "téléphone. Les recruteurs connaissent bien ces imprévus : c'est surtout votre "
                "calme qu'ils retiendront.</p>"
                "<p>Enfin, préparez vos notes sur une seule feuille, placée près de la "
                "caméra : quelques mots-clés sur vos réalisations, vos questions pour "
                "l'employeur et le nom de vos interlocuteurs. Une feuille se consulte "
                "discrètement; un document ouvert à l'écran, beaucoup moins.</p>",
            ),
        ],
    },
    {
        "slug": "negocier-son-salaire",
        "title": "Négocier son salaire sans malaise",
        "date": "2026-02-17",
        "intro": (
            "Parler d'argent reste délicat pour bien des candidats. Pourtant, une négociation "
            "bien préparée est rarement mal perçue par l'employeur : elle est même souvent "
            "attendue."
        ),
        "tags": ["Négociation", "Carrière"],
        "authors": ["genevieve-lapointe"],
        "hero": "hero-negociation-salaire",
        "body": [
            ("heading", "Connaître sa valeur sur le marché"),
            (
                "paragraph",
                "<p>Avant toute discussion, établissez une fourchette réaliste pour le poste "
                "visé. Croisez plusieurs sources : les enquêtes de rémunération publiées par "
                "les ordres professionnels et les associations sectorielles, les offres "
                "d'emploi qui affichent une échelle salariale et, surtout, les échanges avec "
                "des personnes qui occupent des fonctions semblables dans votre région. Un même "
                "titre peut être payé très différemment à Montréal, à Québec ou en Abitibi, et "
                "d'une petite entreprise à une grande organisation.</p>"
                "<p>Fixez ensuite trois chiffres pour vous-même : le montant idéal, celui que "
                "vous jugeriez satisfaisant et le seuil sous lequel vous refuseriez l'offre. "
                "Ce dernier chiffre, gardez-le pour vous.</p>",
            ),
            ("heading", "Laisser l'employeur parler en premier, si possible"),
            (
                "paragraph",
                "<p>Lorsqu'on vous demande vos attentes tôt dans le processus, vous pouvez "
                "retourner poliment la question : « Quelle est l'échelle prévue pour ce "
                "poste? » Si on insiste, donnez une fourchette plutôt qu'un chiffre unique, en "
                "plaçant le bas de la fourchette légèrement au-dessus de votre montant "
                "satisfaisant. Vous vous gardez ainsi une marge sans paraître exigeant.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "Une négociation réussie est une conversation dont les deux parties "
                        "sortent convaincues d'avoir conclu une bonne entente."
                    ),
                    "attribution": "Geneviève Lapointe, directrice associée",
                },
            ),
            ("heading", "Négocier l'ensemble, pas seulement le salaire"),
            (
                "paragraph",
                "<p>Le salaire de base n'est qu'une pièce du casse-tête. Si l'employeur a peu "
                "de latitude de ce côté, d'autres éléments ont une vraie valeur :</p>"
                "<ul><li>une semaine de vacances supplémentaire dès la première année;</li>"
                "<li>des journées de télétravail ou un horaire flexible;</li>"
                "<li>un budget de formation ou le remboursement d'une certification;</li>"
                "<li>une révision salariale garantie après six mois.</li></ul>"
                "<p>Classez ces éléments selon leur importance pour vous, afin de savoir où "
                "céder et où tenir bon.</p>",
            ),
            ("heading", "Rester cordial et tout confirmer par écrit"),
            (
                "paragraph",
                "<p>Le ton compte autant que les chiffres. Remerciez d'abord pour l'offre, "
                "exprimez votre intérêt sincère pour le poste, puis présentez votre "
                "contre-proposition en vous appuyant sur vos recherches et sur ce que vous "
                "apportez : « Compte tenu de mes cinq années en gestion de projets et de ma "
                "certification, je m'attendais plutôt à un salaire de l'ordre de… » Évitez de "
                "vous comparer à vos futurs collègues ou d'évoquer vos dépenses personnelles : "
                "elles ne concernent pas l'employeur.</p>"
                "<p>Une fois l'entente conclue, demandez une lettre d'offre qui reprend toutes "
                "les conditions convenues. Une promesse verbale, même faite de bonne foi, "
                "s'oublie facilement lors d'un changement de gestionnaire.</p>",
            ),
        ],
    },
    {
        "slug": "cv-logiciels-de-tri",
        "title": "Rédiger un CV qui passe le cap des logiciels de tri",
        "date": "2026-03-24",
        "intro": (
            "De nombreux employeurs confient le premier tri des candidatures à un logiciel. "
            "Voici comment rédiger un CV lisible à la fois par ces outils et par les personnes "
            "qui prennent la décision finale."
        ),
        "tags": ["CV", "Recherche d'emploi"],
        "authors": ["olivier-bergeron-roy", "nadia-fortin-sauve"],
        "hero": "hero-cv-logiciels",
        "body": [
            ("heading", "Comprendre ce que fait le logiciel"),
            (
                "paragraph",
                "<p>Un système de suivi des candidatures (souvent appelé ATS, de l'anglais "
                "<i>applicant tracking system</i>) extrait le texte de votre CV pour remplir "
                "une fiche : coordonnées, emplois, diplômes, compétences. Le recruteur peut "
                "ensuite filtrer ces fiches ou y chercher des mots-clés. Le logiciel ne rejette "
                "pas toujours les candidatures de lui-même, mais un CV mal lu risque de ne "
                "jamais ressortir d'une recherche.</p>",
            ),
            ("heading", "Une mise en page sobre"),
            (
                "paragraph",
                "<p>Les CV très graphiques sont agréables à l'œil, mais ils résistent souvent "
                "mal à l'extraction. Pour mettre toutes les chances de votre côté :</p>"
                "<ul><li>utilisez une seule colonne et des titres de section classiques "
                "(« Expérience », « Formation », « Compétences »);</li>"
                "<li>évitez les tableaux, les zones de texte et les icônes qui remplacent des "
                "mots;</li>"
                "<li>ne placez aucune information importante dans l'en-tête ou le pied de "
                "page;</li>"
                "<li>enregistrez en format Word ou en PDF produit par un traitement de texte, "
                "jamais en image numérisée.</li></ul>",
            ),
            (
                "image",
                {
                    "image": "inline-cv-structure",
                    "caption": (
                        "Une colonne, des titres clairs et des dates alignées : la structure "
                        "qui se lit le mieux."
                    ),
                    "alt": (
                        "Schéma d'un curriculum vitæ à une colonne dont les sections sont "
                        "bien délimitées."
                    ),
                },
            ),
            ("heading", "Reprendre le vocabulaire de l'offre"),
            (
                "paragraph",
                "<p>Relisez l'offre d'emploi et repérez les compétences et les outils qui "
                "reviennent. Si l'employeur parle de « gestion des parties prenantes » et que "
                "vous écrivez « relations avec les partenaires », une personne fera le lien, "
                "mais pas forcément une recherche par mots-clés. Reprenez donc les termes "
                "exacts lorsqu'ils décrivent réellement votre expérience, et écrivez les sigles "
                "au long au moins une fois.</p>"
                "<p>Gardez-vous toutefois d'empiler des mots-clés sans contexte. Une liste de "
                "compétences qu'aucune expérience décrite plus bas ne vient appuyer fera "
                "mauvaise impression dès qu'une personne lira le document.</p>",
            ),
            ("heading", "Écrire pour la personne qui lira ensuite"),
            (
                "paragraph",
                "<p>Une fois le tri passé, un recruteur ou un gestionnaire prend le relais, "
                "souvent pour moins d'une minute de lecture. Commencez chaque expérience par "
                "vos résultats plutôt que par vos tâches : « Réduit de 30 % le délai de "
                "traitement des demandes » en dit davantage que « Responsable du traitement "
                "des demandes ». Privilégiez les phrases courtes, les verbes d'action et une "
                "mise en forme cohérente d'un bout à l'autre.</p>"
                "<p>Enfin, adaptez votre CV à chaque candidature importante. Une version de "
                "base bien structurée se modifie en quinze minutes, et ces quinze minutes font "
                "souvent la différence.</p>",
            ),
        ],
    },
    {
        "slug": "90-premiers-jours-nouvel-emploi",
        "title": "Les 90 premiers jours dans un nouvel emploi",
        "date": "2026-04-21",
        "intro": (
            "Les premiers mois dans un poste donnent le ton pour la suite. Plutôt que de "
            "chercher à tout prouver dès la première semaine, misez sur une intégration en "
            "trois étapes."
        ),
        "tags": ["Carrière", "Intégration"],
        "authors": ["genevieve-lapointe"],
        "hero": "hero-90-premiers-jours",
        "body": [
            ("heading", "Jours 1 à 30 : écouter et apprendre"),
            (
                "paragraph",
                "<p>Le premier mois sert d'abord à comprendre. Comment les décisions se "
                "prennent-elles? Qui sont les personnes incontournables, pas seulement sur "
                "l'organigramme? Quels dossiers empêchent votre gestionnaire de dormir? "
                "Planifiez de courtes rencontres individuelles avec vos collègues proches et "
                "avec les équipes qui dépendent de votre travail. Posez des questions ouvertes "
                "et prenez des notes.</p>"
                "<p>Résistez à l'envie de proposer de grands changements tout de suite. Ce qui "
                "vous semble illogique a parfois une raison historique que vous ne connaissez "
                "pas encore.</p>",
            ),
            ("heading", "Jours 31 à 60 : obtenir de premiers résultats"),
            (
                "paragraph",
                "<p>Une fois le terrain mieux connu, choisissez un ou deux projets concrets, "
                "visibles et réalisables rapidement. Il peut s'agir de simplifier un rapport "
                "que tout le monde trouve pénible, de documenter une procédure ou de régler un "
                "irritant pour un client. Ces petites victoires bâtissent votre crédibilité et "
                "montrent que vous avez saisi les priorités de l'équipe.</p>"
                "<p>C'est aussi le moment de clarifier les attentes. Demandez à votre "
                "gestionnaire comment il mesurera votre réussite à la fin de la première année "
                "et quels indicateurs comptent vraiment pour lui. Les réponses réservent "
                "parfois des surprises : certains valorisent avant tout la fiabilité des "
                "livrables, d'autres la qualité des relations avec les partenaires. Mieux vaut "
                "le savoir avant de choisir où investir votre énergie.</p>",
            ),
            ("heading", "Jours 61 à 90 : consolider et se projeter"),
            (
                "paragraph",
                "<p>Vers la fin du troisième mois, demandez une rencontre avec votre "
                "gestionnaire pour faire le point. Préparez-la comme une courte "
                "présentation :</p>"
                "<ol><li>ce que vous avez appris sur l'organisation et sur le poste;</li>"
                "<li>les résultats obtenus jusqu'ici;</li>"
                "<li>les objectifs que vous proposez pour les six prochains mois;</li>"
                "<li>le soutien ou la formation dont vous auriez besoin.</li></ol>"
                "<p>Cette démarche témoigne de votre sens de l'initiative et permet d'ajuster "
                "les attentes de part et d'autre avant qu'un malentendu ne s'installe.</p>",
            ),
            ("heading", "Quelques pièges fréquents"),
            (
                "paragraph",
                "<p>Comparer sans cesse avec votre ancien employeur (« chez nous, on faisait "
                "autrement ») agace rapidement, même quand la comparaison est juste. Présentez "
                "plutôt vos idées comme des propositions. Évitez aussi de dire oui à tout pour "
                "plaire : mieux vaut tenir trois engagements à temps que d'en accumuler "
                "dix.</p>"
                "<p>Si l'intégration se passe mal, que l'accueil a été négligé ou que le poste "
                "ne correspond pas à sa description, parlez-en tôt, calmement et avec des "
                "exemples précis. Après trois mois, un problème nommé se règle beaucoup plus "
                "facilement qu'un malaise qu'on a laissé grandir.</p>",
            ),
        ],
    },
    {
        "slug": "reseauter-linkedin-sans-insister",
        "title": "Réseauter sur LinkedIn sans être insistant",
        "date": "2026-05-19",
        "intro": (
            "LinkedIn peut ouvrir bien des portes, à condition d'en faire un lieu d'échange "
            "plutôt qu'une vitrine de demandes. Quelques habitudes simples font toute la "
            "différence."
        ),
        "tags": ["Réseautage", "Recherche d'emploi"],
        "authors": ["nadia-fortin-sauve"],
        "hero": "hero-reseautage-linkedin",
        "body": [
            ("heading", "Commencer par un profil qui parle pour vous"),
            (
                "paragraph",
                "<p>Avant d'écrire à qui que ce soit, assurez-vous que votre profil est à jour. "
                "Le titre sous votre nom devrait dire, en une phrase, ce que vous faites et ce "
                "que vous recherchez. La section « Infos » gagne à raconter brièvement votre "
                "parcours et vos champs d'intérêt, au « je », sur un ton naturel. Une photo "
                "récente et nette suffit; nul besoin d'un photographe professionnel.</p>",
            ),
            ("heading", "Personnaliser chaque invitation"),
            (
                "paragraph",
                "<p>Une invitation sans message passe souvent inaperçue. Ajoutez deux ou trois "
                "lignes qui expliquent pourquoi vous souhaitez entrer en contact : une "
                "conférence à laquelle vous avez tous deux assisté, un article que la personne "
                "a publié, un parcours qui vous inspire. Ne demandez pas d'emploi dès le "
                "premier message : vous solliciteriez un service auprès de quelqu'un qui ne "
                "vous connaît pas encore.</p>"
                "<p>Par exemple : « Bonjour Sophie, j'ai beaucoup aimé votre billet sur "
                "l'économie circulaire dans le secteur alimentaire. Je termine une formation "
                "en gestion environnementale et j'aimerais suivre vos publications. Au plaisir "
                "d'échanger! »</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "On oublie vite la personne qui nous a demandé une faveur. On se "
                        "souvient longtemps de celle qui nous a aidés sans rien attendre."
                    ),
                    "attribution": "Nadia Fortin-Sauvé, coach de carrière",
                },
            ),
            ("heading", "Donner avant de demander"),
            (
                "paragraph",
                "<p>Le réseautage efficace repose sur la réciprocité. Commentez les "
                "publications de vos contacts avec un point de vue réfléchi plutôt qu'un "
                "simple « Bravo! ». Partagez une ressource utile, félicitez quelqu'un pour un "
                "nouveau poste, recommandez un ancien collègue dont vous avez apprécié le "
                "travail. Ces gestes prennent peu de temps et vous rendent visible de façon "
                "positive.</p>",
            ),
            ("heading", "Proposer une courte conversation"),
            (
                "paragraph",
                "<p>Quand un lien s'est créé, vous pouvez proposer un échange de vingt "
                "minutes, par téléphone ou autour d'un café, pour en apprendre davantage sur "
                "son métier ou son organisation. Arrivez avec des questions précises, "
                "respectez le temps convenu et envoyez un mot de remerciement le jour même. "
                "Sans réponse, une seule relance polie après une semaine ou deux suffit; "
                "au-delà, passez à autre chose sans rancune.</p>"
                "<p>Avec le temps, ces conversations forment un réseau bien réel, composé de "
                "gens qui pensent à vous lorsqu'une occasion se présente. C'est précisément "
                "ce qu'aucun message insistant ne permettra jamais d'obtenir.</p>",
            ),
        ],
    },
    {
        "slug": "changer-de-carriere-apres-40-ans",
        "title": "Changer de carrière après 40 ans",
        "date": "2026-06-16",
        "intro": (
            "Après deux décennies dans un même domaine, l'envie de changer de voie n'a rien "
            "d'exceptionnel. Une réorientation réussie repose sur un bilan honnête, une "
            "transition planifiée et une expérience mise en valeur."
        ),
        "tags": ["Carrière", "Reconversion"],
        "authors": ["genevieve-lapointe"],
        "hero": "hero-changer-de-carriere",
        "body": [
            ("heading", "Faire le point avant de sauter"),
            (
                "paragraph",
                "<p>Commencez par distinguer ce qui vous pèse réellement : le métier lui-même, "
                "l'employeur, le secteur ou le rythme de vie? Un changement d'organisation "
                "suffit parfois, alors qu'un véritable changement de métier demande plus de "
                "temps et d'énergie. Un bilan de compétences, offert notamment par des "
                "conseillers d'orientation et par des organismes en employabilité, aide à y "
                "voir clair et à nommer les forces que vous souhaitez conserver.</p>"
                "<p>Interrogez aussi vos motivations. Cherchez-vous plus de sens, plus "
                "d'autonomie, un meilleur équilibre ou simplement un nouveau défi? Notez vos "
                "réponses et gardez-les à portée de main : dans les moments de doute, elles "
                "vous rappelleront pourquoi vous avez entrepris la démarche.</p>",
            ),
            (
                "image",
                {
                    "image": "inline-parcours",
                    "caption": (
                        "Une réorientation se planifie par étapes, comme n'importe quel projet."
                    ),
                    "alt": (
                        "Illustration d'un sentier en plusieurs étapes qui monte vers un drapeau."
                    ),
                },
            ),
            ("heading", "Valoriser ce que vous savez déjà"),
            (
                "paragraph",
                "<p>Vingt ans d'expérience ne s'effacent pas parce que vous changez de "
                "domaine. La gestion d'équipe, la relation client, la résolution de problèmes "
                "ou la rigueur administrative se transposent dans bien des milieux. Dans votre "
                "CV comme en entrevue, traduisez ces acquis dans le vocabulaire du nouveau "
                "secteur et appuyez-les sur des exemples chiffrés.</p>"
                "<p>Votre maturité est aussi un atout : les employeurs apprécient souvent la "
                "stabilité, le jugement et l'autonomie des personnes qui ont déjà traversé "
                "quelques tempêtes professionnelles.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "À 45 ans, on ne repart pas de zéro : on repart de tout ce qu'on a "
                        "appris en chemin."
                    ),
                    "attribution": "Geneviève Lapointe, directrice associée",
                },
            ),
            ("heading", "Essayer avant de tout quitter"),
            (
                "paragraph",
                "<p>Avant de démissionner, trouvez des façons d'essayer le nouveau métier à "
                "petite échelle :</p>"
                "<ul><li>rencontrer trois ou quatre personnes qui l'exercent pour connaître "
                "leur quotidien réel;</li>"
                "<li>faire du bénévolat ou un court mandat à la pige dans le domaine;</li>"
                "<li>suivre un cours d'introduction avant de vous inscrire à un programme "
                "complet;</li>"
                "<li>vérifier si une formation courte, comme une attestation d'études "
                "collégiales, suffit pour y entrer.</li></ul>",
            ),
            ("heading", "Prévoir l'aspect financier"),
            (
                "paragraph",
                "<p>Une transition s'accompagne souvent d'une baisse de revenu temporaire, le "
                "temps de se former ou d'acquérir de l'expérience. Établissez un budget "
                "réaliste pour cette période et renseignez-vous auprès de Services Québec sur "
                "les mesures d'aide à la formation, qui peuvent alléger une partie des coûts "
                "selon votre situation. Parlez-en aussi avec vos proches : leur soutien "
                "comptera beaucoup pendant les mois d'adaptation.</p>"
                "<p>Changer de carrière à 40 ou à 50 ans demande du courage, mais rarement "
                "davantage qu'une décennie de plus dans un emploi qui ne vous ressemble "
                "plus.</p>",
            ),
        ],
    },
]


# Fictional client employers for the "Les employeurs qui recrutent" sidebar, in the
# editors' order: name, initials for the generated logo, colour, recruiting?, description.
EMPLOYERS = [
    ("Boréal Physio", "BP", (0, 110, 90), True, "Cliniques de physiothérapie en Mauricie."),
    ("Cabinet Laurentide Avocats", "CL", (40, 40, 90), True, "Droit des affaires et litige."),
    ("Le Fil Montréal", "FM", (180, 30, 40), True, "Quotidien numérique indépendant."),
    ("Caisse Horizon", "CH", (0, 120, 60), True, "Coopérative de services financiers."),
    ("Notaires Beaulieu Gagnon", "BG", (120, 80, 20), True, "Notariat et médiation familiale."),
    ("Atelier Zénith Conseil", "ZC", (90, 40, 140), False, "Services-conseils en gestion."),
    ("Collège Saint-Laurent Tech", "ST", (20, 90, 160), True, "Formation technique aux adultes."),
    ("Groupe Érable Logistique", "EL", (160, 90, 0), True, "Transport et entreposage."),
]

# A reader account for trying comments, and the discussion on one article.
READER = {
    "username": "lecteur",
    "password": "demo-lecteur-2026",
    "email": "lecteur@example.com",
    "first_name": "Julie",
    "last_name": "Morin",
}
COMMENTED_ARTICLE = "negocier-son-salaire"
# (author name, email, text, is_public, index of the comment it replies to or None)
COMMENTS = [
    (
        "Marc-André Pelletier",
        "marc-andre@example.com",
        "Merci pour l'idée de préparer une fourchette plutôt qu'un chiffre unique.\n"
        "Je l'ai essayé la semaine dernière et la discussion a été beaucoup plus simple.",
        True,
        None,
    ),
    (
        "Sophie Tremblay",
        "sophie@example.com",
        "Est-ce que les mêmes conseils s'appliquent à une augmentation dans le même poste?",
        True,
        None,
    ),
    (
        "Geneviève Lapointe",
        "genevieve@example.com",
        "Oui, en grande partie : appuyez-vous sur vos résultats de l'année et sur les "
        "salaires du marché pour des postes comparables.",
        True,
        1,
    ),
    (
        "Visiteur pressé",
        "presse@example.com",
        "Un commentaire qui attend la modération (visible seulement dans l'administration).",
        False,
        None,
    ),
]

# The page the "Vous avez des questions?" call to action leads to.
CONTACT_PAGE = {
    "slug": "nous-joindre",
    "title": "Nous joindre",
    "body": (
        "<p>Une question sur votre recherche d'emploi ou sur un poste affiché? "
        "Écrivez-nous à carriere@example.com ou appelez au 514 555-0100, du lundi au "
        "vendredi, de 9 h à 17 h.</p>"
    ),
}

# The job offers section, beside the career section under the home page.
JOB_INDEX = {
    "slug": "offres-emploi",
    "title": "Offres d'emploi",
    "intro": (
        "<p>Les postes ouverts chez les employeurs qui recrutent avec nous, partout au Québec : "
        "en clinique, en cabinet, en salle de rédaction, en entrepôt ou en télétravail.</p>"
    ),
}

# The headings of an offer's description, one per list ("tasks", "profile", "perks"), after
# its opening paragraph ("summary").
OFFER_HEADINGS = {
    "tasks": "Vos responsabilités",
    "profile": "Votre profil",
    "perks": "Ce que nous offrons",
}

# Each employer's open positions (Atelier Zénith Conseil does not recruit). "salary" is
# (minimum, maximum, unit) in CAD, or None when the employer does not post it; "posted" is how
# many days ago the offer went up; "closes" how many days from the loading it closes (None:
# no closing date; negative: already closed, its page shows the closed offer).
JOB_OFFERS = [
    {
        "slug": "physiotherapeute-trois-rivieres",
        "title": "Physiothérapeute",
        "employer": "Boréal Physio",
        "employment_type": "FULL_TIME",
        "workplace": "on_site",
        "city": "Trois-Rivières",
        "region": "QC",
        "postal_code": "G9A 5H7",
        "salary": (72000, 94000, "YEAR"),
        "apply_url": "https://boreal-physio.example/carrieres/physiotherapeute",
        "posted": 3,
        "closes": 40,
        "tags": ["Santé"],
        "summary": (
            "Notre clinique du centre-ville de Trois-Rivières agrandit son équipe. Vous "
            "traiterez une clientèle variée, du sportif du dimanche à la personne qui se remet "
            "d'une chirurgie, avec du vrai temps pour chaque évaluation."
        ),
        "tasks": [
            "Évaluer les patients et établir avec eux un plan de traitement réaliste",
            "Offrir des traitements individuels de 45 minutes, sans double réservation",
            "Collaborer avec les thérapeutes en réadaptation physique et les kinésiologues "
            "de la clinique",
            "Tenir les dossiers à jour dans notre logiciel clinique",
        ],
        "profile": [
            "Membre de l'Ordre professionnel de la physiothérapie du Québec, ou admissible",
            "Intérêt pour la rééducation orthopédique; les nouveaux diplômés sont les bienvenus",
            "Aisance à communiquer avec des patients de tous âges",
        ],
        "perks": [
            "Poste permanent de 32 à 40 heures par semaine, horaire établi avec vous",
            "Budget annuel de formation continue de 1 500 $",
            "Assurances collectives et REER avec contribution de l'employeur",
        ],
    },
    {
        "slug": "therapeute-readaptation-shawinigan",
        "title": "Thérapeute en réadaptation physique (temps partiel)",
        "employer": "Boréal Physio",
        "employment_type": "PART_TIME",
        "workplace": "on_site",
        "city": "Shawinigan",
        "region": "QC",
        "postal_code": "G9N 6T5",
        "salary": None,
        "apply_email": "emplois@boreal-physio.example",
        "posted": 12,
        "closes": None,
        "tags": ["Santé"],
        "summary": (
            "Notre point de service de Shawinigan cherche une personne trois jours par semaine, "
            "surtout en fin de journée, quand nos patients qui travaillent peuvent venir."
        ),
        "tasks": [
            "Appliquer les plans de traitement établis avec les physiothérapeutes",
            "Enseigner les exercices à faire à la maison et vérifier qu'ils sont bien faits",
            "Suivre les progrès des patients et les noter au dossier",
        ],
        "profile": [
            "Diplôme d'études collégiales en techniques de physiothérapie",
            "Membre de l'Ordre, ou admissible",
            "Disponibilité deux soirs par semaine, jusqu'à 20 h",
        ],
        "perks": [
            "Trois jours par semaine, et des heures de plus l'été si vous le souhaitez",
            "Stationnement gratuit et tenue de travail fournie",
            "Mentorat par une physiothérapeute d'expérience",
        ],
    },
    {
        "slug": "adjoint-administratif-trois-rivieres",
        "title": "Adjointe ou adjoint administratif (remplacement de 12 mois)",
        "employer": "Boréal Physio",
        "employment_type": "TEMPORARY",
        "workplace": "on_site",
        "city": "Trois-Rivières",
        "region": "QC",
        "postal_code": "G9A 5H7",
        "salary": (42000, 48000, "YEAR"),
        "apply_url": "https://boreal-physio.example/carrieres/adjoint-administratif",
        "posted": 20,
        "closes": None,
        "tags": ["Administration"],
        "summary": (
            "Pour un remplacement de congé parental, nous cherchons une personne organisée qui "
            "sera le premier contact de nos patients, à l'accueil comme au téléphone."
        ),
        "tasks": [
            "Gérer les rendez-vous des six thérapeutes de la clinique",
            "Accueillir les patients et percevoir les paiements",
            "Préparer les reçus pour les assureurs et relancer les factures impayées",
        ],
        "profile": [
            "Expérience en service à la clientèle ou en secrétariat",
            "Aisance avec l'informatique; connaître un logiciel de gestion de clinique est un "
            "atout",
            "Calme et courtoisie, même quand la salle d'attente déborde",
        ],
        "perks": [
            "Contrat de 12 mois à temps plein, du lundi au vendredi",
            "Formation complète dès l'arrivée",
            "Possibilité de prolongation",
        ],
    },
    {
        "slug": "avocat-droit-des-affaires-montreal",
        "title": "Avocate ou avocat en droit des affaires",
        "employer": "Cabinet Laurentide Avocats",
        "employment_type": "FULL_TIME",
        "workplace": "hybrid",
        "city": "Montréal",
        "region": "QC",
        "postal_code": "H3B 2Y5",
        "salary": (85000, 120000, "YEAR"),
        "apply_url": "https://cabinet-laurentide-avocats.example/carrieres/droit-des-affaires",
        "apply_email": "recrutement@cabinet-laurentide-avocats.example",
        "posted": 6,
        "closes": 30,
        "tags": ["Droit"],
        "summary": (
            "Notre groupe de droit des affaires accompagne des PME québécoises dans leurs "
            "financements, leurs acquisitions et leur gouvernance. Il cherche une ou un juriste "
            "de deux à cinq ans de pratique."
        ),
        "tasks": [
            "Rédiger et négocier des conventions d'actionnaires et des contrats commerciaux",
            "Participer aux vérifications diligentes lors des acquisitions",
            "Conseiller directement les dirigeants des entreprises clientes",
        ],
        "profile": [
            "Membre du Barreau du Québec, de deux à cinq ans d'expérience",
            "Excellente rédaction en français et bonne maîtrise de l'anglais",
            "Goût du travail d'équipe et des dossiers variés",
        ],
        "perks": [
            "Deux jours de télétravail par semaine",
            "Une cible d'heures facturables raisonnable, connue dès l'embauche",
            "Une associée ou un associé parrain dès votre arrivée",
        ],
    },
    {
        "slug": "journaliste-affaires-municipales",
        "title": "Journaliste aux affaires municipales",
        "employer": "Le Fil Montréal",
        "employment_type": "FULL_TIME",
        "workplace": "hybrid",
        "city": "Montréal",
        "region": "QC",
        "postal_code": "H2X 3V4",
        "salary": (58000, 70000, "YEAR"),
        "apply_url": "https://le-fil-montreal.example/carrieres/journaliste-municipal",
        "posted": 9,
        "closes": None,
        "tags": ["Journalisme"],
        "summary": (
            "Le Fil Montréal couvre la ville au plus près de ses quartiers. Nous cherchons une "
            "ou un journaliste pour suivre l'hôtel de ville, les arrondissements et les décisions "
            "qui changent le quotidien des Montréalais."
        ),
        "tasks": [
            "Couvrir les séances du conseil municipal et des conseils d'arrondissement",
            "Proposer des enquêtes et des reportages sur le terrain",
            "Écrire autant des textes courts en direct que des analyses de fond",
        ],
        "profile": [
            "Trois ans d'expérience en journalisme, idéalement en politique locale",
            "Rigueur dans la vérification des faits",
            "Talent pour rendre clairs un budget ou un règlement d'urbanisme",
        ],
        "perks": [
            "Poste permanent et syndiqué",
            "Horaire hybride entre la salle de rédaction du Plateau et la maison",
            "Laissez-passer de transport collectif remboursé",
        ],
    },
    {
        "slug": "developpeur-front-end",
        "title": "Développeuse ou développeur front-end (contrat d'un an)",
        "employer": "Le Fil Montréal",
        "employment_type": "CONTRACTOR",
        "workplace": "remote",
        "city": "",
        "region": "QC",
        "postal_code": "",
        "salary": (80000, 95000, "YEAR"),
        "apply_url": "https://le-fil-montreal.example/carrieres/developpement-front-end",
        "posted": 16,
        "closes": None,
        "tags": ["Technologies"],
        "summary": (
            "Pour un contrat d'un an, nous cherchons une personne qui rendra notre site plus "
            "rapide et plus accessible, lui qui est lu chaque jour sur des téléphones de toutes "
            "les générations."
        ),
        "tasks": [
            "Refaire les gabarits d'articles pour qu'ils s'affichent vite, même sur un réseau "
            "cellulaire faible",
            "Corriger les problèmes d'accessibilité relevés par nos audits",
            "Concevoir avec la salle de rédaction les formats interactifs des soirées électorales",
        ],
        "profile": [
            "Solide maîtrise du HTML, du CSS et du JavaScript",
            "Connaissance des règles d'accessibilité du Web (WCAG)",
            "Expérience d'un gestionnaire de contenu, idéalement Wagtail ou Django",
        ],
        "perks": [
            "Télétravail complet, partout au Québec",
            "Contrat d'un an, renouvelable",
            "Équipement fourni",
        ],
    },
    {
        "slug": "stage-journalisme-ete",
        "title": "Stage d'été en journalisme",
        "employer": "Le Fil Montréal",
        "employment_type": "INTERN",
        "workplace": "on_site",
        "city": "Montréal",
        "region": "QC",
        "postal_code": "H2X 3V4",
        "salary": None,
        "apply_email": "stages@le-fil-montreal.example",
        "posted": 29,
        "closes": -2,
        "tags": ["Journalisme"],
        "summary": (
            "Chaque été, Le Fil accueille deux stagiaires rémunérés qui travaillent comme de "
            "vrais membres de la salle de rédaction, de la conférence de presse à la "
            "publication."
        ),
        "tasks": [
            "Couvrir l'actualité générale avec l'équipe du matin",
            "Réaliser au moins un reportage de fond, avec une ou un journaliste d'expérience",
            "Participer aux réunions de rédaction",
        ],
        "profile": [
            "Études en journalisme ou en communication, en cours ou terminées depuis peu",
            "Curiosité, débrouillardise et une belle plume",
            "Disponibilité à temps plein de mai à août",
        ],
        "perks": [
            "Stage rémunéré de 14 semaines",
            "Encadrement quotidien par la cheffe de pupitre",
            "Des textes publiés et signés",
        ],
    },
    {
        "slug": "conseiller-finances-personnelles-sherbrooke",
        "title": "Conseillère ou conseiller en finances personnelles",
        "employer": "Caisse Horizon",
        "employment_type": "FULL_TIME",
        "workplace": "on_site",
        "city": "Sherbrooke",
        "region": "QC",
        "postal_code": "J1H 1Z1",
        "salary": (62000, 78000, "YEAR"),
        "apply_url": "https://caisse-horizon.example/carrieres/finances-personnelles",
        "posted": 2,
        "closes": None,
        "tags": ["Finance"],
        "summary": (
            "À notre centre de services de Sherbrooke, vous aiderez nos membres à bâtir un "
            "budget, à épargner pour un projet ou à préparer leur retraite."
        ),
        "tasks": [
            "Rencontrer les membres pour faire le point sur leur situation financière",
            "Recommander des solutions d'épargne, de crédit et de placement adaptées",
            "Suivre votre portefeuille de membres au fil des années",
        ],
        "profile": [
            "Baccalauréat en administration, en finance ou dans un domaine connexe",
            "Permis de représentant en épargne collective, ou la volonté de l'obtenir",
            "Sens de l'écoute et approche pédagogique",
        ],
        "perks": [
            "Poste permanent de 35 heures par semaine",
            "Taux préférentiels sur les produits de la coopérative",
            "Régime de retraite à prestations déterminées",
        ],
    },
    {
        "slug": "analyste-securite-information",
        "title": "Analyste en sécurité de l'information",
        "employer": "Caisse Horizon",
        "employment_type": "FULL_TIME",
        "workplace": "remote",
        "city": "",
        "region": "QC",
        "postal_code": "",
        "salary": (88000, 112000, "YEAR"),
        "apply_url": "https://caisse-horizon.example/carrieres/securite-information",
        "posted": 15,
        "closes": None,
        "tags": ["Technologies", "Finance"],
        "summary": (
            "Notre petite équipe de sécurité protège les données de 60 000 membres. Elle cherche "
            "une ou un analyste pour renforcer la détection des incidents et la réponse."
        ),
        "tasks": [
            "Surveiller les alertes et mener les premières analyses d'incidents",
            "Tenir à jour l'inventaire des vulnérabilités et suivre leur correction",
            "Sensibiliser les employés à l'hameçonnage par de courts ateliers",
        ],
        "profile": [
            "Trois ans d'expérience en sécurité informatique",
            "Connaissance d'un outil de gestion des événements de sécurité (SIEM)",
            "Une certification reconnue est un atout",
        ],
        "perks": [
            "Télétravail à 100 %, avec une rencontre d'équipe par trimestre à Sherbrooke",
            "Horaire flexible; une semaine de garde sur six",
            "Cinq semaines de vacances dès la première année",
        ],
    },
    {
        "slug": "conseiller-ressources-humaines-quebec",
        "title": "Conseillère ou conseiller en ressources humaines",
        "employer": "Caisse Horizon",
        "employment_type": "FULL_TIME",
        "workplace": "hybrid",
        "city": "Québec",
        "region": "QC",
        "postal_code": "G1R 4S9",
        "salary": (68000, 84000, "YEAR"),
        "apply_email": "rh@caisse-horizon.example",
        "posted": 22,
        "closes": 21,
        "tags": ["Ressources humaines"],
        "summary": (
            "Au siège social de Québec, vous accompagnerez les gestionnaires de nos douze "
            "centres de services dans le recrutement, l'accueil et le développement de leurs "
            "équipes."
        ),
        "tasks": [
            "Mener les processus de recrutement, de l'affichage à l'offre d'emploi",
            "Conseiller les gestionnaires sur les relations de travail au quotidien",
            "Améliorer notre programme d'accueil des nouveaux employés",
        ],
        "profile": [
            "Baccalauréat en gestion des ressources humaines ou en relations industrielles",
            "Membre de l'Ordre des CRHA, ou en voie de le devenir",
            "Cinq ans d'expérience comme généraliste",
        ],
        "perks": [
            "Trois jours de télétravail par semaine",
            "Programme d'aide aux employés et à leur famille",
            "Assurances collectives payées à 70 % par l'employeur",
        ],
    },
    {
        "slug": "notaire-gatineau",
        "title": "Notaire",
        "employer": "Notaires Beaulieu Gagnon",
        "employment_type": "FULL_TIME",
        "workplace": "on_site",
        "city": "Gatineau",
        "region": "QC",
        "postal_code": "J8X 2B6",
        "salary": None,
        "apply_email": "carrieres@notaires-beaulieu-gagnon.example",
        "posted": 25,
        "closes": 3,
        "tags": ["Droit"],
        "summary": (
            "Notre étude de Gatineau, active en droit immobilier, en successions et en "
            "médiation familiale, cherche une ou un notaire pour se joindre à ses quatre "
            "associés."
        ),
        "tasks": [
            "Recevoir les actes de vente, d'hypothèque et les testaments",
            "Accompagner les familles dans le règlement des successions",
            "Prendre part aux dossiers de médiation familiale, si le domaine vous attire",
        ],
        "profile": [
            "Membre de la Chambre des notaires du Québec",
            "Français et anglais, pour servir notre clientèle des deux rives de l'Outaouais",
            "Au moins un an d'expérience en étude",
        ],
        "perks": [
            "Rémunération concurrentielle, selon l'expérience",
            "Possibilité de devenir associée ou associé à moyen terme",
            "Semaine de quatre jours et demi l'été",
        ],
    },
    {
        "slug": "enseignant-programmation-laval",
        "title": "Enseignante ou enseignant en programmation (formation continue)",
        "employer": "Collège Saint-Laurent Tech",
        "employment_type": "PART_TIME",
        "workplace": "hybrid",
        "city": "Laval",
        "region": "QC",
        "postal_code": "H7N 5H9",
        "salary": None,
        "apply_url": (
            "https://college-saint-laurent-tech.example/carrieres/enseignement-programmation"
        ),
        "posted": 5,
        "closes": 35,
        "tags": ["Enseignement", "Technologies"],
        "summary": (
            "Nos programmes du soir forment des adultes qui se réorientent vers le "
            "développement logiciel. Nous cherchons des gens du métier qui aiment transmettre."
        ),
        "tasks": [
            "Donner un cours de 45 heures en Python ou en développement Web, deux soirs par "
            "semaine",
            "Préparer les laboratoires et corriger les travaux pratiques",
            "Accompagner les étudiants dans leur projet de fin de parcours",
        ],
        "profile": [
            "Cinq ans d'expérience en développement logiciel",
            "Une première expérience d'enseignement ou de formation est un atout",
            "De la patience, et du plaisir à expliquer les notions de base",
        ],
        "perks": [
            "Rémunération selon l'échelle de la formation continue",
            "Cours en classe à Laval, préparation à distance",
            "Charge de cours renouvelable chaque session",
        ],
    },
    {
        "slug": "conseiller-pedagogique-formation-distance",
        "title": "Conseillère ou conseiller pédagogique en formation à distance",
        "employer": "Collège Saint-Laurent Tech",
        "employment_type": "FULL_TIME",
        "workplace": "remote",
        "city": "",
        "region": "QC",
        "postal_code": "",
        "salary": (70000, 90000, "YEAR"),
        "apply_url": "https://college-saint-laurent-tech.example/carrieres/conseil-pedagogique",
        "posted": 11,
        "closes": None,
        "tags": ["Enseignement"],
        "summary": (
            "Le tiers de nos étudiants suivent désormais leurs cours à distance. Vous aiderez "
            "nos enseignants à concevoir des cours en ligne clairs, accessibles et motivants."
        ),
        "tasks": [
            "Accompagner les enseignants dans la conception de leurs cours en ligne",
            "Former le personnel à notre plateforme d'apprentissage",
            "Évaluer les cours avec les étudiants et proposer des améliorations",
        ],
        "profile": [
            "Diplôme en sciences de l'éducation ou en technopédagogie",
            "Trois ans d'expérience en conception de formations en ligne",
            "Connaissance de la conception universelle de l'apprentissage",
        ],
        "perks": [
            "Télétravail, avec deux journées par session au campus de Laval",
            "Quatre semaines de vacances, en plus du congé des fêtes",
            "Régime de retraite et assurances collectives",
        ],
    },
    {
        "slug": "repartiteur-transport-levis",
        "title": "Répartitrice ou répartiteur de transport",
        "employer": "Groupe Érable Logistique",
        "employment_type": "FULL_TIME",
        "workplace": "on_site",
        "city": "Lévis",
        "region": "QC",
        "postal_code": "G6V 6N6",
        "salary": (52000, 61000, "YEAR"),
        "apply_url": "https://groupe-erable-logistique.example/carrieres/repartition",
        "posted": 1,
        "closes": None,
        "tags": ["Logistique"],
        "summary": (
            "Notre centre de répartition de Lévis coordonne 80 camions entre le Québec et "
            "l'Ontario. Vous serez au cœur de la journée de nos chauffeurs."
        ),
        "tasks": [
            "Planifier les trajets et confier les chargements aux chauffeurs",
            "Réagir aux imprévus : tempêtes, bris, retards chez les clients",
            "Tenir les clients informés de l'heure de livraison",
        ],
        "profile": [
            "Un an d'expérience en répartition ou en transport",
            "Sens de l'organisation et calme sous pression",
            "Anglais fonctionnel, pour les appels avec l'Ontario",
        ],
        "perks": [
            "Horaire de jour, du lundi au vendredi",
            "Prime annuelle selon les résultats",
            "Assurances collectives dès le premier mois",
        ],
    },
    {
        "slug": "analyste-donnees-logistiques",
        "title": "Analyste de données logistiques",
        "employer": "Groupe Érable Logistique",
        "employment_type": "FULL_TIME",
        "workplace": "remote",
        "city": "",
        "region": "QC",
        "postal_code": "",
        "salary": (75000, 92000, "YEAR"),
        "apply_url": "https://groupe-erable-logistique.example/carrieres/analyse-donnees",
        "posted": 8,
        "closes": None,
        "tags": ["Technologies", "Logistique"],
        "summary": (
            "Nos entrepôts et nos camions produisent beaucoup de données, mais peu de réponses. "
            "Vous en tirerez des tableaux de bord utiles à nos gestionnaires."
        ),
        "tasks": [
            "Construire des tableaux de bord sur les délais de livraison et le remplissage des "
            "camions",
            "Fiabiliser les données de nos systèmes de gestion d'entrepôt",
            "Présenter vos constats aux équipes des opérations",
        ],
        "profile": [
            "Maîtrise du SQL et d'un outil de visualisation de données",
            "Deux ans d'expérience en analyse, idéalement en transport ou en distribution",
            "Talent pour expliquer des chiffres sans jargon",
        ],
        "perks": [
            "Télétravail complet, au Québec",
            "Budget de formation et temps réservé à la veille",
            "Horaire flexible",
        ],
    },
    {
        "slug": "technicien-paie-quebec",
        "title": "Technicienne ou technicien en paie",
        "employer": "Groupe Érable Logistique",
        "employment_type": "FULL_TIME",
        "workplace": "hybrid",
        "city": "Québec",
        "region": "QC",
        "postal_code": "G1K 3A9",
        "salary": (55000, 64000, "YEAR"),
        "apply_email": "paie@groupe-erable-logistique.example",
        "posted": 14,
        "closes": None,
        "tags": ["Finance", "Ressources humaines"],
        "summary": (
            "Vous préparerez la paie de nos 400 employés, syndiqués ou non, répartis dans trois "
            "centres de distribution."
        ),
        "tasks": [
            "Traiter la paie aux deux semaines et les ajustements rétroactifs",
            "Appliquer les conventions collectives et les normes du travail",
            "Produire les relevés et les feuillets de fin d'année",
        ],
        "profile": [
            "Diplôme d'études collégiales en comptabilité, ou certificat en gestion de la paie",
            "Trois ans d'expérience en paie",
            "Rigueur et discrétion",
        ],
        "perks": [
            "Deux jours de télétravail par semaine",
            "L'été, congé le vendredi après-midi",
            "REER collectif avec contribution de l'employeur",
        ],
    },
    {
        "slug": "cariste-soir-laval",
        "title": "Cariste de soir",
        "employer": "Groupe Érable Logistique",
        "employment_type": "FULL_TIME",
        "workplace": "on_site",
        "city": "Laval",
        "region": "QC",
        "postal_code": "H7T 2P5",
        "salary": (24.75, 28.50, "HOUR"),
        "apply_url": "https://groupe-erable-logistique.example/carrieres/cariste",
        "posted": 18,
        "closes": 45,
        "tags": ["Logistique"],
        "summary": (
            "Notre centre de distribution de Laval cherche des caristes pour son quart de soir, "
            "du lundi au jeudi."
        ),
        "tasks": [
            "Préparer les commandes et charger les remorques",
            "Recevoir les marchandises et les ranger",
            "Inspecter le chariot avant chaque quart et suivre les règles de sécurité",
        ],
        "profile": [
            "Carte de cariste valide (formation offerte aux bons candidats)",
            "Expérience en entrepôt, un atout",
            "Ponctualité et esprit d'équipe",
        ],
        "perks": [
            "Quatre soirs de 10 heures, de 15 h à 1 h",
            "Prime de soir de 1,50 $ l'heure, comprise dans le taux affiché",
            "Vêtements et bottes de sécurité fournis",
        ],
    },
]

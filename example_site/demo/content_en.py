"""The English side of the demo content: written for English readers, not translated line by line.

``load_career_demo`` makes each English page, author and employer a Wagtail translation of its
French original (``copy_for_translation``), then fills it from here. Entries are keyed by the
French object's natural key (slug, or name for employers); image keys are the same pictures
as in ``demo.content``.
"""

LANGUAGE_CODE = "en"

HOME = {
    "title": "Home",
    "slug": "home",
    "body": (
        "<p>Welcome to the demo site of <b>wagtail-career</b>.</p>"
        "<p>Head over to the <b>Career</b> section for practical advice on finding a job, "
        "handling interviews and growing in your working life.</p>"
    ),
}

INDEX = {
    "title": "Career",
    "slug": "career",
    "intro": (
        "<p>Down-to-earth advice on looking for work, doing well in interviews and moving "
        "your career forward, from people who recruit and coach for a living.</p>"
    ),
}

CONTACT_PAGE = {
    "slug": "contact-us",
    "title": "Contact us",
    "body": (
        "<p>Got a question about your job search or one of the openings we posted? Write to "
        "carriere@example.com or call 514-555-0100, Monday to Friday, 9 a.m. to 5 p.m.</p>"
    ),
}

# Names and organisations stay as they are; the rest is written for English readers.
AUTHORS = {
    "genevieve-lapointe": {
        "role": "Associate Director",
        "bio": (
            "For fifteen years, Geneviève Lapointe has helped Quebec organisations hire their "
            "senior managers. She takes a particular interest in how employment terms are "
            "negotiated and in how new managers settle into their teams."
        ),
    },
    "olivier-bergeron-roy": {
        "role": "Recruitment Consultant",
        "bio": (
            "Olivier Bergeron-Roy sits in on hundreds of interviews a year for technology and "
            "administrative roles. He helps candidates come across at their best, on paper as "
            "well as on screen."
        ),
    },
    "nadia-fortin-sauve": {
        "role": "Career Coach",
        "bio": (
            "Nadia Fortin-Sauvé works mostly with professionals who are changing careers. She "
            "runs workshops on networking and job hunting in several regions of Quebec."
        ),
    },
}

# Employer names are proper names: only the descriptions are in English.
EMPLOYERS = {
    "Boréal Physio": "Physiotherapy clinics across the Mauricie region.",
    "Cabinet Laurentide Avocats": "Business law and litigation.",
    "Le Fil Montréal": "An independent digital daily.",
    "Caisse Horizon": "A financial services co-operative.",
    "Notaires Beaulieu Gagnon": "Notarial services and family mediation.",
    "Atelier Zénith Conseil": "Management consulting.",
    "Collège Saint-Laurent Tech": "Technical training for adult learners.",
    "Groupe Érable Logistique": "Freight transport and warehousing.",
}

ARTICLES = {
    "reussir-entrevue-video": {
        "slug": "acing-your-video-interview",
        "title": "Acing your video job interview",
        "intro": (
            "Remote interviews are now a routine part of hiring. With a little technical "
            "preparation and some practice, the screen soon stops getting in the way."
        ),
        "tags": ["Interviews", "Career"],
        "body": [
            ("heading", "Test your set-up the day before"),
            (
                "paragraph",
                "<p>Most of what goes wrong in a video interview can be fixed well ahead of "
                "the call. The evening before, open the link you were sent and make sure the "
                "employer's platform works on your device. Some need an app or an update, and "
                "you would much rather find that out at 8 p.m. the night before than at "
                "8:58 a.m. on the day.</p>"
                "<p>Then do a quick trial run with someone you trust. Ask whether they can hear "
                "you clearly, whether your face is well lit and whether anything behind you "
                "pulls their attention away. A basic headset usually sounds better than a "
                "laptop's built-in microphone.</p>",
            ),
            (
                "image",
                {
                    "image": "inline-bureau-domicile",
                    "caption": (
                        "Light in front of you, camera at eye level: two small adjustments "
                        "that make all the difference."
                    ),
                    "alt": "Drawing of a home workstation with a monitor and a desk lamp.",
                },
            ),
            ("heading", "Get the frame right without overdoing it"),
            (
                "paragraph",
                "<p>Put the camera at eye level, even if that means propping the laptop on a "
                "few books. Sit facing a window or a lamp rather than with your back to it, or "
                "you will show up as a silhouette. A plain wall or a tidy bookshelf is all the "
                "background you need; background blur is handy, but it can do odd things when "
                "you talk with your hands.</p>"
                "<ul><li>Close the tabs and notifications you won't need.</li>"
                "<li>Plug your device in rather than relying on the battery.</li>"
                "<li>Let the people at home know when the call is.</li></ul>",
            ),
            ("heading", "Talk to the camera, not the screen"),
            (
                "paragraph",
                "<p>The natural thing is to look at the other person's face. On screen, though, "
                "that makes it seem as if you are avoiding their eyes. When you answer an "
                "important question, get into the habit of looking into the lens, then glance "
                "back at the screen to read their reaction. Two or three practice runs are "
                "enough to make it feel natural.</p>"
                "<p>The slight lag in the connection also makes it easier to talk over each "
                "other. Leave a short pause at the end of your answers, and let the "
                "interviewer finish each question before you jump in.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "On video, some of your body language gets lost. That is why your "
                        "examples need to be even more concrete, and your answers even "
                        "better organised."
                    ),
                    "attribution": "Olivier Bergeron-Roy, Recruitment Consultant",
                },
            ),
            ("heading", "Have a plan B"),
            (
                "paragraph",
                "<p>Keep the interviewer's phone number within reach. If the connection drops, "
                "try rejoining once; if that fails, call or email them straight away and offer "
                "to carry on by phone. Recruiters deal with this all the time, and what they "
                "will remember is how calmly you handled it.</p>"
                "<p>Finally, fit your notes on a single sheet of paper next to the camera: a "
                "few key words about your achievements, your questions for the employer and "
                "the names of the people you are meeting. A sheet of paper can be checked "
                "discreetly; a document open on screen, much less so.</p>",
            ),
        ],
    },
    "negocier-son-salaire": {
        "slug": "negotiating-your-salary",
        "title": "Negotiating your salary without the awkwardness",
        "intro": (
            "Talking about money still makes many candidates uneasy. Yet employers rarely "
            "hold a well-prepared negotiation against you, and many actually expect one."
        ),
        "tags": ["Negotiation", "Career"],
        "body": [
            ("heading", "Know what you are worth"),
            (
                "paragraph",
                "<p>Before any conversation, work out a realistic range for the role. Check "
                "several sources: salary surveys from professional bodies and industry "
                "associations, job postings that include a pay scale and, above all, "
                "conversations with people doing similar work in your area. The same job "
                "title can pay very differently in Montreal, Quebec City or Abitibi, and at a "
                "small business or a large organisation.</p>"
                "<p>Then settle on three numbers for yourself: your ideal figure, one you would "
                "be happy with, and the floor below which you would turn the offer down. Keep "
                "that last one to yourself.</p>",
            ),
            ("heading", "Let the employer name a figure first, if you can"),
            (
                "paragraph",
                "<p>If you are asked about your expectations early on, you can politely turn "
                "the question around: “What range do you have in mind for this role?” If they "
                "press you, give a range rather than a single number, with the bottom of the "
                "range a little above the figure you would be happy with. That leaves you room "
                "to manoeuvre without seeming demanding.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "A good negotiation is a conversation both sides walk away from "
                        "feeling they got a fair deal."
                    ),
                    "attribution": "Geneviève Lapointe, Associate Director",
                },
            ),
            ("heading", "Negotiate the whole package, not just the pay"),
            (
                "paragraph",
                "<p>Base salary is only one piece of the puzzle. If the employer has little "
                "flexibility there, other things are worth a great deal:</p>"
                "<ul><li>an extra week of vacation from your first year;</li>"
                "<li>days working from home, or flexible hours;</li>"
                "<li>a training budget, or having a certification paid for;</li>"
                "<li>a guaranteed salary review after six months.</li></ul>"
                "<p>Rank these by how much they matter to you, so you know where to give "
                "ground and where to stand firm.</p>",
            ),
            ("heading", "Stay friendly, and get it all in writing"),
            (
                "paragraph",
                "<p>Tone matters as much as numbers. Start by thanking them for the offer and "
                "saying you genuinely want the job, then make your counter-offer based on your "
                "research and on what you bring: “Given my five years in project management "
                "and my certification, I was expecting something closer to…” Don't compare "
                "yourself with your future colleagues or bring up your personal expenses: they "
                "are not the employer's concern.</p>"
                "<p>Once you have agreed, ask for an offer letter that sets out every term you "
                "settled on. A verbal promise, however sincere, is easily forgotten when a new "
                "manager takes over.</p>",
            ),
        ],
    },
    "cv-logiciels-de-tri": {
        "slug": "writing-a-cv-that-gets-past-screening-software",
        "title": "Writing a CV that gets past screening software",
        "intro": (
            "Many employers let software do the first pass through applications. Here is how "
            "to write a CV that reads well both to those tools and to the people who make the "
            "final call."
        ),
        "tags": ["CV", "Job search"],
        "body": [
            ("heading", "Understand what the software does"),
            (
                "paragraph",
                "<p>An applicant tracking system (ATS) pulls the text out of your CV to fill in "
                "a record: contact details, jobs, qualifications, skills. Recruiters can then "
                "filter those records or search them for key words. The software does not "
                "always reject applications on its own, but a CV it cannot read properly may "
                "never turn up in a search.</p>",
            ),
            ("heading", "Keep the layout simple"),
            (
                "paragraph",
                "<p>Heavily designed CVs look good, but they often don't survive being parsed. "
                "To give yourself the best chance:</p>"
                "<ul><li>use a single column and standard section headings "
                "(“Experience”, “Education”, “Skills”);</li>"
                "<li>avoid tables, text boxes and icons that stand in for words;</li>"
                "<li>keep anything important out of the header and footer;</li>"
                "<li>save as a Word file or a PDF exported from a word processor, never as a "
                "scanned image.</li></ul>",
            ),
            (
                "image",
                {
                    "image": "inline-cv-structure",
                    "caption": (
                        "One column, clear headings and dates lined up: the structure that is "
                        "easiest to read."
                    ),
                    "alt": "Diagram of a one-column CV with clearly separated sections.",
                },
            ),
            ("heading", "Use the words of the job posting"),
            (
                "paragraph",
                "<p>Read the posting again and note the skills and tools that keep coming up. "
                "If the employer talks about “stakeholder management” and you write “working "
                "with partners”, a person will make the connection, but a key-word search may "
                "not. So use their exact terms wherever they truly describe your experience, "
                "and spell out every acronym at least once.</p>"
                "<p>Don't just pile up key words with no context, though. A list of skills "
                "that nothing further down backs up makes a poor impression the moment a "
                "person reads it.</p>",
            ),
            ("heading", "Write for the person who reads it next"),
            (
                "paragraph",
                "<p>Once your CV makes it through the screening, a recruiter or hiring manager "
                "takes over, often for less than a minute. Open each job with what you "
                "achieved rather than what you were responsible for: “Cut request processing "
                "time by 30%” says more than “Responsible for processing requests”. Go for "
                "short sentences, strong verbs and formatting that stays consistent from top "
                "to bottom.</p>"
                "<p>Finally, tailor your CV to every application that matters. A well-organised "
                "master version takes fifteen minutes to adapt, and those fifteen minutes "
                "often make the difference.</p>",
            ),
        ],
    },
    "90-premiers-jours-nouvel-emploi": {
        "slug": "your-first-90-days-in-a-new-job",
        "title": "Your first 90 days in a new job",
        "intro": (
            "Your first few months in a role set the tone for what follows. Rather than trying "
            "to prove everything in week one, plan to settle in over three stages."
        ),
        "tags": ["Career", "Onboarding"],
        "body": [
            ("heading", "Days 1 to 30: listen and learn"),
            (
                "paragraph",
                "<p>The first month is mostly about understanding. How are decisions made? Who "
                "are the people who really matter, not just on the org chart? Which files keep "
                "your manager up at night? Set up short one-on-one meetings with your closest "
                "colleagues and with the teams that rely on your work. Ask open questions and "
                "take notes.</p>"
                "<p>Resist the urge to propose big changes straight away. Something that looks "
                "illogical to you may have a history you don't know about yet.</p>",
            ),
            ("heading", "Days 31 to 60: deliver some early wins"),
            (
                "paragraph",
                "<p>Once you know your way around, pick one or two concrete projects that are "
                "visible and can be done quickly. It might be simplifying a report everyone "
                "dreads, writing down a procedure or fixing something that annoys a client. "
                "These small wins build your credibility and show that you have understood "
                "what the team cares about.</p>"
                "<p>This is also the time to pin down expectations. Ask your manager how they "
                "will judge your success at the end of the first year, and which measures "
                "really count for them. The answers can be surprising: some care most about "
                "reliable delivery, others about good relationships with partners. Better to "
                "know before you decide where to put your energy.</p>",
            ),
            ("heading", "Days 61 to 90: consolidate and look ahead"),
            (
                "paragraph",
                "<p>Towards the end of your third month, ask your manager for a meeting to take "
                "stock. Prepare it like a short presentation:</p>"
                "<ol><li>what you have learned about the organisation and the role;</li>"
                "<li>what you have achieved so far;</li>"
                "<li>the goals you suggest for the next six months;</li>"
                "<li>the support or training you would need.</li></ol>"
                "<p>It shows initiative, and it lets both of you adjust your expectations "
                "before a misunderstanding has time to take root.</p>",
            ),
            ("heading", "A few common traps"),
            (
                "paragraph",
                "<p>Constantly comparing with your old employer (“where I used to work, we did "
                "it differently”) wears thin fast, even when you have a point. Put your ideas "
                "forward as suggestions instead. And don't say yes to everything to please "
                "people: keeping three commitments on time beats piling up ten.</p>"
                "<p>If things are going badly, if nobody really welcomed you or the job is not "
                "what was advertised, raise it early, calmly and with specific examples. Three "
                "months in, a problem that has been named is far easier to fix than an "
                "unease that has been left to grow.</p>",
            ),
        ],
    },
    "reseauter-linkedin-sans-insister": {
        "slug": "networking-on-linkedin-without-being-pushy",
        "title": "Networking on LinkedIn without being pushy",
        "intro": (
            "LinkedIn can open plenty of doors, as long as you treat it as a place for "
            "conversation rather than a shop window full of requests. A few simple habits go "
            "a long way."
        ),
        "tags": ["Networking", "Job search"],
        "body": [
            ("heading", "Start with a profile that speaks for you"),
            (
                "paragraph",
                "<p>Before you write to anyone, bring your profile up to date. The headline "
                "under your name should say, in one sentence, what you do and what you are "
                "looking for. The “About” section works best as a brief, natural account of "
                "your path and interests, written in the first person. A recent, sharp photo "
                "is plenty; there is no need for a professional photographer.</p>",
            ),
            ("heading", "Personalise every invitation"),
            (
                "paragraph",
                "<p>An invitation with no message is easy to ignore. Add two or three lines "
                "about why you would like to connect: a conference you both attended, an "
                "article they wrote, a career path you admire. Don't ask for a job in your "
                "first message; you would be asking a favour of someone who doesn't know you "
                "yet.</p>"
                "<p>For example: “Hi Sophie, I really enjoyed your post on the circular economy "
                "in the food industry. I am finishing a course in environmental management and "
                "would love to follow your work. Hope we get the chance to talk!”</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "We soon forget the person who asked us for a favour. We long remember "
                        "the one who helped us without expecting anything back."
                    ),
                    "attribution": "Nadia Fortin-Sauvé, Career Coach",
                },
            ),
            ("heading", "Give before you ask"),
            (
                "paragraph",
                "<p>Good networking runs on give and take. Comment on your contacts' posts with "
                "a considered point of view rather than a bare “Congrats!”. Share a useful "
                "resource, congratulate someone on a new job, recommend a former colleague "
                "whose work you valued. None of this takes long, and it gets you noticed for "
                "the right reasons.</p>",
            ),
            ("heading", "Suggest a short conversation"),
            (
                "paragraph",
                "<p>Once there is a connection, you can suggest a twenty-minute chat, on the "
                "phone or over coffee, to learn more about their work or their organisation. "
                "Come with specific questions, stick to the time you agreed and send a thank-"
                "you note the same day. If you hear nothing, one polite follow-up after a week "
                "or two is enough; beyond that, move on with no hard feelings.</p>"
                "<p>Over time, these conversations add up to a real network: people who think "
                "of you when an opportunity comes along. That is exactly what no pushy message "
                "will ever get you.</p>",
            ),
        ],
    },
    "changer-de-carriere-apres-40-ans": {
        "slug": "changing-careers-after-40",
        "title": "Changing careers after 40",
        "intro": (
            "After twenty years in the same field, wanting a change of direction is nothing "
            "unusual. A successful switch rests on an honest look at where you stand, a "
            "planned transition and experience you know how to sell."
        ),
        "tags": ["Career", "Career change"],
        "body": [
            ("heading", "Take stock before you leap"),
            (
                "paragraph",
                "<p>Start by working out what is really weighing on you: the work itself, the "
                "employer, the industry or the pace of life? Sometimes a new employer is "
                "enough, while a genuine change of occupation takes more time and energy. A "
                "skills assessment, offered by guidance counsellors and employment agencies "
                "among others, helps you see clearly and name the strengths you want to "
                "keep.</p>"
                "<p>Look hard at your reasons, too. Are you after more meaning, more autonomy, "
                "a better balance or simply a new challenge? Write your answers down and keep "
                "them handy: when doubt creeps in, they will remind you why you started.</p>",
            ),
            (
                "image",
                {
                    "image": "inline-parcours",
                    "caption": "A career change is planned in stages, like any other project.",
                    "alt": "Drawing of a winding path climbing in stages towards a flag.",
                },
            ),
            ("heading", "Build on what you already know"),
            (
                "paragraph",
                "<p>Twenty years of experience don't vanish because you change fields. Managing "
                "a team, looking after clients, solving problems or keeping the paperwork in "
                "order all carry over to many workplaces. In your CV and in interviews, put "
                "those skills into the language of your new field and back them up with "
                "figures.</p>"
                "<p>Your maturity is an asset as well: employers often value the steadiness, "
                "judgement and independence of people who have already weathered a few storms "
                "at work.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "At 45, you are not starting from scratch: you are starting from "
                        "everything you have learned along the way."
                    ),
                    "attribution": "Geneviève Lapointe, Associate Director",
                },
            ),
            ("heading", "Try it out before you quit"),
            (
                "paragraph",
                "<p>Before you hand in your notice, find ways to try the new line of work on a "
                "small scale:</p>"
                "<ul><li>meet three or four people who do it, to hear what their days are "
                "really like;</li>"
                "<li>volunteer or take on a short freelance contract in the field;</li>"
                "<li>take an introductory course before signing up for a full programme;</li>"
                "<li>check whether a short college certificate is enough to get in.</li></ul>",
            ),
            ("heading", "Plan for the money side"),
            (
                "paragraph",
                "<p>A transition often means a temporary drop in income while you train or "
                "gain experience. Draw up a realistic budget for that period, and ask Services "
                "Québec about training assistance, which may cover part of the cost depending "
                "on your situation. Talk it over with the people close to you as well: their "
                "support will count for a lot in the months it takes to adjust.</p>"
                "<p>Changing careers at 40 or 50 takes courage, but rarely more than another "
                "ten years in a job that no longer feels like yours.</p>",
            ),
        ],
    },
}

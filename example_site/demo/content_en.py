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
        "handling interviews and growing in your working life, then browse the <b>job "
        "offers</b> of the employers we work with.</p>"
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

JOB_INDEX = {
    "title": "Job offers",
    "slug": "job-offers",
    "intro": (
        "<p>Open positions with the employers who recruit through us, all over Quebec: in "
        "clinics and law firms, in the newsroom, in the warehouse or from home.</p>"
    ),
}

OFFER_HEADINGS = {
    "tasks": "What you will do",
    "profile": "What we are looking for",
    "perks": "What we offer",
}

# Keyed by the French offer's slug; where, how, how much and when follow the French original.
JOB_OFFERS = {
    "physiotherapeute-trois-rivieres": {
        "slug": "physiotherapist-trois-rivieres",
        "title": "Physiotherapist",
        "tags": ["Health"],
        "summary": (
            "Our clinic in downtown Trois-Rivières is growing its team. You will treat a wide "
            "range of patients, from weekend athletes to people recovering from surgery, with "
            "real time set aside for every assessment."
        ),
        "tasks": [
            "Assess patients and agree on a realistic treatment plan with them",
            "Give one-on-one 45-minute treatments, never double-booked",
            "Work alongside the clinic's physiotherapy technologists and kinesiologists",
            "Keep patient records up to date in our clinical software",
        ],
        "profile": [
            "Member of the Ordre professionnel de la physiothérapie du Québec, or eligible",
            "An interest in orthopaedic rehabilitation; new graduates are welcome",
            "At ease talking with patients of every age",
        ],
        "perks": [
            "A permanent position, 32 to 40 hours a week, on a schedule set with you",
            "A yearly continuing education budget of $1,500",
            "Group insurance and an RRSP with employer contributions",
        ],
    },
    "therapeute-readaptation-shawinigan": {
        "slug": "physiotherapy-technologist-shawinigan",
        "title": "Physiotherapy Technologist (Part Time)",
        "tags": ["Health"],
        "summary": (
            "Our Shawinigan location is looking for someone three days a week, mostly late in "
            "the day, when our working patients can come in."
        ),
        "tasks": [
            "Carry out the treatment plans drawn up with the physiotherapists",
            "Teach home exercises and check that patients do them right",
            "Follow each patient's progress and record it in their file",
        ],
        "profile": [
            "A college diploma in physiotherapy technology",
            "Member of the professional order, or eligible",
            "Available two evenings a week, until 8 p.m.",
        ],
        "perks": [
            "Three days a week, with extra hours in the summer if you want them",
            "Free parking and work clothes provided",
            "Mentoring by an experienced physiotherapist",
        ],
    },
    "adjoint-administratif-trois-rivieres": {
        "slug": "administrative-assistant-trois-rivieres",
        "title": "Administrative Assistant (12-Month Replacement)",
        "tags": ["Administration"],
        "summary": (
            "To cover a parental leave, we are looking for an organised person to be our "
            "patients' first point of contact, at the front desk and on the phone."
        ),
        "tasks": [
            "Manage the appointments of the clinic's six therapists",
            "Welcome patients and take payments",
            "Prepare receipts for insurers and follow up on unpaid invoices",
        ],
        "profile": [
            "Experience in customer service or office administration",
            "Comfortable with computers; knowing a clinic management system is a plus",
            "Calm and courteous, even when the waiting room is full",
        ],
        "perks": [
            "A 12-month full-time contract, Monday to Friday",
            "Full training from day one",
            "A possible extension",
        ],
    },
    "avocat-droit-des-affaires-montreal": {
        "slug": "business-lawyer-montreal",
        "title": "Business Lawyer",
        "tags": ["Law"],
        "summary": (
            "Our business law group helps Quebec small and medium-sized businesses with their "
            "financing, acquisitions and governance. It is looking for a lawyer with two to five "
            "years of practice."
        ),
        "tasks": [
            "Draft and negotiate shareholder agreements and commercial contracts",
            "Take part in due diligence reviews for acquisitions",
            "Advise our client companies' executives directly",
        ],
        "profile": [
            "Member of the Barreau du Québec, with two to five years of experience",
            "Excellent drafting in French and a good command of English",
            "Enjoys teamwork and a varied caseload",
        ],
        "perks": [
            "Two days a week working from home",
            "A reasonable billable hours target, known from the day you are hired",
            "A partner to mentor you from your first day",
        ],
    },
    "journaliste-affaires-municipales": {
        "slug": "municipal-affairs-reporter",
        "title": "Municipal Affairs Reporter",
        "tags": ["Journalism"],
        "summary": (
            "Le Fil Montréal covers the city neighbourhood by neighbourhood. We are looking for a "
            "reporter to follow city hall, the boroughs and the decisions that change "
            "Montrealers' daily lives."
        ),
        "tasks": [
            "Cover city council and borough council meetings",
            "Pitch investigations and on-the-ground stories",
            "Write short live updates as well as in-depth analysis",
        ],
        "profile": [
            "Three years of experience in journalism, ideally covering local politics",
            "Rigorous fact-checking",
            "A knack for making a budget or a zoning by-law easy to follow",
        ],
        "perks": [
            "A permanent, unionised position",
            "A hybrid schedule between our Plateau newsroom and home",
            "Your public transit pass reimbursed",
        ],
    },
    "developpeur-front-end": {
        "slug": "front-end-developer",
        "title": "Front-End Developer (One-Year Contract)",
        "tags": ["Technology"],
        "summary": (
            "For a one-year contract, we are looking for someone to make our site faster and "
            "more accessible: it is read every day on the phones of readers of every generation."
        ),
        "tasks": [
            "Rebuild the article templates so that they load fast, even on a weak mobile signal",
            "Fix the accessibility issues found by our audits",
            "Design the interactive formats of election nights with the newsroom",
        ],
        "profile": [
            "Strong HTML, CSS and JavaScript skills",
            "Knowledge of the Web Content Accessibility Guidelines (WCAG)",
            "Experience with a content management system, ideally Wagtail or Django",
        ],
        "perks": [
            "Fully remote, anywhere in Quebec",
            "A one-year contract, renewable",
            "Equipment provided",
        ],
    },
    "stage-journalisme-ete": {
        "slug": "summer-journalism-internship",
        "title": "Summer Journalism Internship",
        "tags": ["Journalism"],
        "summary": (
            "Every summer, Le Fil takes on two paid interns who work as full members of the "
            "newsroom, from the press conference to publication."
        ),
        "tasks": [
            "Cover general news with the morning team",
            "Produce at least one in-depth story, alongside an experienced reporter",
            "Take part in editorial meetings",
        ],
        "profile": [
            "Studying journalism or communications, or recently graduated",
            "Curious, resourceful and a good writer",
            "Available full time from May to August",
        ],
        "perks": [
            "A paid 14-week internship",
            "Daily guidance from the news editor",
            "Published stories, under your own byline",
        ],
    },
    "conseiller-finances-personnelles-sherbrooke": {
        "slug": "personal-finance-advisor-sherbrooke",
        "title": "Personal Finance Advisor",
        "tags": ["Finance"],
        "summary": (
            "At our Sherbrooke service centre, you will help our members draw up a budget, save "
            "for a project or plan their retirement."
        ),
        "tasks": [
            "Meet members to review their financial situation",
            "Recommend savings, credit and investment solutions that suit them",
            "Look after your portfolio of members over the years",
        ],
        "profile": [
            "A bachelor's degree in administration, finance or a related field",
            "A mutual fund representative licence, or the will to get one",
            "A good listener who likes to explain",
        ],
        "perks": [
            "A permanent position, 35 hours a week",
            "Preferential rates on the co-operative's products",
            "A defined benefit pension plan",
        ],
    },
    "analyste-securite-information": {
        "slug": "information-security-analyst",
        "title": "Information Security Analyst",
        "tags": ["Technology", "Finance"],
        "summary": (
            "Our small security team protects the data of 60,000 members. It is looking for an "
            "analyst to strengthen incident detection and response."
        ),
        "tasks": [
            "Monitor alerts and carry out the first analysis of incidents",
            "Keep the vulnerability inventory up to date and follow up on fixes",
            "Raise staff awareness of phishing through short workshops",
        ],
        "profile": [
            "Three years of experience in IT security",
            "Knowledge of a security information and event management (SIEM) tool",
            "A recognised certification is a plus",
        ],
        "perks": [
            "Fully remote, with one team day in Sherbrooke each quarter",
            "Flexible hours; on call one week in six",
            "Five weeks of vacation from your first year",
        ],
    },
    "conseiller-ressources-humaines-quebec": {
        "slug": "human-resources-advisor-quebec-city",
        "title": "Human Resources Advisor",
        "tags": ["Human resources"],
        "summary": (
            "At our head office in Québec City, you will support the managers of our twelve "
            "service centres as they hire, welcome and develop their teams."
        ),
        "tasks": [
            "Run hiring processes, from the posting to the job offer",
            "Advise managers on everyday labour relations",
            "Improve our onboarding programme for new employees",
        ],
        "profile": [
            "A bachelor's degree in human resources management or industrial relations",
            "Member of the Ordre des CRHA, or on the way to becoming one",
            "Five years of experience as an HR generalist",
        ],
        "perks": [
            "Three days a week working from home",
            "An employee and family assistance programme",
            "Group insurance, 70% paid by the employer",
        ],
    },
    "notaire-gatineau": {
        "slug": "notary-gatineau",
        "title": "Notary",
        "tags": ["Law"],
        "summary": (
            "Our Gatineau office, active in real estate law, estates and family mediation, is "
            "looking for a notary to join its four partners."
        ),
        "tasks": [
            "Execute deeds of sale, hypothecs and wills",
            "Help families settle estates",
            "Take on family mediation files, if the field appeals to you",
        ],
        "profile": [
            "Member of the Chambre des notaires du Québec",
            "French and English, to serve our clients on both sides of the Ottawa River",
            "At least one year of experience in a notarial office",
        ],
        "perks": [
            "Competitive pay, based on experience",
            "A path to partnership in the medium term",
            "A four-and-a-half-day week in the summer",
        ],
    },
    "enseignant-programmation-laval": {
        "slug": "programming-instructor-laval",
        "title": "Programming Instructor (Continuing Education)",
        "tags": ["Teaching", "Technology"],
        "summary": (
            "Our evening programmes train adults who are moving into software development. We "
            "are looking for practitioners who enjoy passing on what they know."
        ),
        "tasks": [
            "Teach a 45-hour course in Python or web development, two evenings a week",
            "Prepare the labs and mark the assignments",
            "Guide students through their final project",
        ],
        "profile": [
            "Five years of experience in software development",
            "Some teaching or training experience is a plus",
            "Patience, and pleasure in explaining the basics",
        ],
        "perks": [
            "Pay on the continuing education scale",
            "Classes on campus in Laval, preparation from home",
            "A teaching load renewable every term",
        ],
    },
    "conseiller-pedagogique-formation-distance": {
        "slug": "online-learning-advisor",
        "title": "Online Learning Educational Advisor",
        "tags": ["Teaching"],
        "summary": (
            "A third of our students now take their courses online. You will help our teachers "
            "design online courses that are clear, accessible and engaging."
        ),
        "tasks": [
            "Support teachers as they design their online courses",
            "Train staff on our learning platform",
            "Review courses with students and suggest improvements",
        ],
        "profile": [
            "A degree in education or educational technology",
            "Three years of experience designing online training",
            "Knowledge of Universal Design for Learning",
        ],
        "perks": [
            "Remote work, with two days a term on our Laval campus",
            "Four weeks of vacation, plus the holiday break",
            "A pension plan and group insurance",
        ],
    },
    "repartiteur-transport-levis": {
        "slug": "freight-dispatcher-levis",
        "title": "Freight Dispatcher",
        "tags": ["Logistics"],
        "summary": (
            "Our Lévis dispatch centre coordinates 80 trucks between Quebec and Ontario. You will "
            "be at the heart of our drivers' day."
        ),
        "tasks": [
            "Plan routes and assign loads to drivers",
            "Deal with the unexpected: snowstorms, breakdowns, delays at customers' docks",
            "Keep customers informed of delivery times",
        ],
        "profile": [
            "One year of experience in dispatch or transportation",
            "Well organised and calm under pressure",
            "Working English, for calls with Ontario",
        ],
        "perks": [
            "Day shift, Monday to Friday",
            "A yearly bonus based on results",
            "Group insurance from your first month",
        ],
    },
    "analyste-donnees-logistiques": {
        "slug": "logistics-data-analyst",
        "title": "Logistics Data Analyst",
        "tags": ["Technology", "Logistics"],
        "summary": (
            "Our warehouses and trucks produce plenty of data but few answers. You will turn it "
            "into dashboards our managers can use."
        ),
        "tasks": [
            "Build dashboards on delivery times and truck fill rates",
            "Make the data from our warehouse management systems reliable",
            "Present your findings to the operations teams",
        ],
        "profile": [
            "Strong SQL and a data visualisation tool",
            "Two years of experience in analysis, ideally in transportation or distribution",
            "A knack for explaining numbers without jargon",
        ],
        "perks": [
            "Fully remote, within Quebec",
            "A training budget and time set aside to keep up to date",
            "Flexible hours",
        ],
    },
    "technicien-paie-quebec": {
        "slug": "payroll-technician-quebec-city",
        "title": "Payroll Technician",
        "tags": ["Finance", "Human resources"],
        "summary": (
            "You will run the payroll of our 400 employees, unionised or not, across three "
            "distribution centres."
        ),
        "tasks": [
            "Process the biweekly payroll and retroactive adjustments",
            "Apply the collective agreements and labour standards",
            "Produce the year-end slips",
        ],
        "profile": [
            "A college diploma in accounting, or a certificate in payroll management",
            "Three years of payroll experience",
            "Accurate and discreet",
        ],
        "perks": [
            "Two days a week working from home",
            "Friday afternoons off in the summer",
            "A group RRSP with employer contributions",
        ],
    },
    "cariste-soir-laval": {
        "slug": "forklift-operator-evenings-laval",
        "title": "Forklift Operator (Evenings)",
        "tags": ["Logistics"],
        "summary": (
            "Our Laval distribution centre is looking for forklift operators for its evening "
            "shift, Monday to Thursday."
        ),
        "tasks": [
            "Pick orders and load trailers",
            "Receive and put away goods",
            "Inspect the forklift before every shift and follow the safety rules",
        ],
        "profile": [
            "A valid forklift operator card (training offered to the right candidates)",
            "Warehouse experience is a plus",
            "Punctual and a team player",
        ],
        "perks": [
            "Four 10-hour evenings, 3 p.m. to 1 a.m.",
            "A $1.50 an hour evening premium, included in the posted rate",
            "Safety clothing and boots provided",
        ],
    },
}

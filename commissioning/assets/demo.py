"""Demo data for asset mapping: about a hundred local assets in Kendal (names and details made
up, positions approximate), a mapping walk on the day opportunities programme that found some
of them, suggestions from Al and Maureen waiting for a moderator (one likely duplicate), and
Rosa named as a community moderator."""

from coproduction.core.demo import demo_seeder
import csv
import datetime
import random
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from commissioning.models import Activity, GroupMember, Programme
from coproduction.accounts.models import User

from . import services
from .models import (
    AgeGroup,
    Asset,
    Category,
    Cost,
    MappingExercise,
    Need,
    OpeningTime,
    Place,
    Suggestion,
)

DEMO_PLACES = Path(__file__).resolve().parent / "data" / "demo_places.csv"
WALK_TITLE = "Asset mapping walk around Kendal town centre"
DAY_OPPORTUNITIES = "Day opportunities for adults with learning disabilities 2027"

I, A, O, P, E, C = Category.INDIVIDUAL, Category.ASSOCIATION, Category.INSTITUTION, Category.PHYSICAL, Category.ECONOMIC, Category.CULTURAL
FREE, LOW, PAID = Cost.FREE, Cost.LOW_COST, Cost.PAID

# name, category, description, cost, hours ("Mon-Fri 9-17; Sat 10-12"), needs, ages, access (s=step free,
# h=hearing loop, q=quiet space, b=BSL), tags, found on the walk
ASSETS = [
    # Associations and groups
    ("Kendal Walking for Health", A, "Gentle led walks of about an hour, starting from the Market Place. Nobody is left behind.", FREE, "Wed 10-12", ["loneliness", "mental_health"], ["adults", "older_people"], "", "walking, exercise", True),
    ("Kendal Men's Shed", A, "A workshop where men (and anyone else) make and mend things together over a brew.", FREE, "Tue 10-16; Thu 10-16", ["loneliness"], ["adults", "older_people"], "s", "woodwork, repairs, friendship", True),
    ("Carers' Coffee Morning", A, "Carers meet for a coffee and a chat, with someone from the carers' centre to answer questions.", FREE, "Fri 10-12", ["carers"], [], "sq", "carers, coffee", True),
    ("Memory Café at St Thomas's", A, "A friendly café for people living with dementia and the people who care for them.", FREE, "Mon 14-16", ["dementia", "carers"], ["older_people"], "shq", "dementia, café", False),
    ("Parkinson's Support Group", A, "Monthly meeting with a speaker, exercise and time to talk.", FREE, "Thu 14-16", ["physical_disability"], ["adults", "older_people"], "sh", "parkinsons", False),
    ("Stroke Club", A, "Social club for people who have had a stroke, with transport for those who need it.", LOW, "Wed 13-15", ["physical_disability"], ["older_people"], "sh", "stroke", False),
    ("Knit and Natter", A, "Bring your knitting or crochet, or learn from others. Wool provided.", FREE, "Tue 14-16", ["loneliness"], [], "s", "knitting, crafts", True),
    ("Kendal Allotment Society", A, "Allotment holders who share seeds, tools and advice. Waiting list for plots.", LOW, "", [], [], "", "gardening, growing food", False),
    ("Sing for Joy Community Choir", A, "A choir anyone can join. No auditions and no need to read music.", LOW, "Mon 19-21", ["mental_health"], ["adults", "older_people"], "h", "singing, music", False),
    ("Abbot Hall Bowls Club", A, "Outdoor bowls in summer and short mat bowls in winter. Free taster sessions.", PAID, "Sat 10-16", [], ["adults", "older_people"], "s", "bowls, sport", False),
    ("Polish Community Association", A, "Social evenings, advice and a Saturday school for Polish families.", FREE, "Sat 10-13", [], ["families"], "", "polish, families", False),
    ("Kendal Juniors Football Club", A, "Football for boys and girls aged 5 to 16, including a disability team.", LOW, "Sat 9-12", [], ["children", "young_people"], "", "football, sport", False),
    ("Little Stars Parent and Toddler Group", A, "Play, songs and a cuppa for parents and carers with children under five.", LOW, "Thu 9-11", [], ["children", "families"], "s", "toddlers, play", False),
    ("Kendal Parkrun", A, "A free, timed 5k walk or run every Saturday morning. Volunteers welcome.", FREE, "Sat 9-10", [], [], "", "running, walking", False),
    ("Rainbow Social", A, "A relaxed social group for LGBTQ+ adults, meeting in a café upstairs room.", FREE, "Wed 19-21", ["loneliness"], ["adults"], "q", "lgbtq", False),
    ("Library Book Club", A, "Read a book a month and talk about it. Large-print and audio copies available.", FREE, "Tue 18-19", [], ["adults", "older_people"], "sh", "reading, books", False),
    ("Bereavement Support Group", A, "A safe place to talk with others who have lost someone.", FREE, "Mon 18-20", ["mental_health"], ["adults"], "q", "bereavement, grief", False),
    ("Autism Parents Together", A, "Parents and carers of autistic children and young people support each other.", FREE, "Fri 10-12", ["autism", "carers"], ["families"], "q", "autism, parents", False),
    ("Seeing Differently Group", A, "Social group and practical tips for people living with sight loss.", FREE, "Thu 10-12", ["sensory"], ["older_people"], "s", "sight loss", False),
    ("Hearing Loss Drop-in", A, "Help with hearing aids, batteries and lip-reading practice.", FREE, "Tue 10-12", ["sensory"], [], "hs", "hearing aids", False),
    ("Veterans' Breakfast Club", A, "Breakfast and company for people who served and their families.", LOW, "Sat 9-11", ["loneliness"], ["adults", "older_people"], "s", "veterans", False),
    ("Kendal Repair Café", A, "Bring broken things and volunteers help you fix them, free of charge.", FREE, "Sat 10-13", [], [], "s", "repairs, recycling", True),
    ("Thursday Lunch Club", A, "A hot two-course lunch and company at the Methodist church hall.", LOW, "Thu 12-14", ["loneliness"], ["older_people"], "sh", "lunch, food", True),
    ("Friends Together Learning Disability Social", A, "Discos, trips and a weekly club run by and for adults with a learning disability.", LOW, "Fri 18-21", ["learning_disability"], ["adults"], "sq", "disco, friendship", True),
    ("Youth Voice Kendal", A, "Young people meet to have a say on what happens in the town.", FREE, "Wed 17-19", [], ["young_people"], "s", "young people, campaigning", False),
    # Organisations and services
    ("Kendal Library", O, "Books, computers, free wifi, warm space and help with getting online.", FREE, "Mon-Fri 9-18; Sat 9-16", [], [], "shq", "books, computers, wifi", True),
    ("South Lakes Citizens Advice", O, "Free, confidential advice on money, benefits, housing and work.", FREE, "Mon-Thu 10-15", ["money"], ["adults"], "sh", "benefits, debt, advice", False),
    ("Kendal Food Bank", O, "Emergency food parcels with a voucher from a referral agency.", FREE, "Tue 12-14; Fri 12-14", ["money"], [], "s", "food", False),
    ("Riverside Community Centre", O, "Rooms to hire, a café and a busy timetable of groups.", FREE, "Mon-Fri 9-21; Sat 9-13", [], [], "shq", "community centre, café", True),
    ("Kendal Leisure Centre", O, "Swimming pool, gym and classes, with concessions and a hoist at the pool.", PAID, "Mon-Fri 7-21; Sat 8-17; Sun 8-17", [], [], "sh", "swimming, gym", False),
    ("South Lakes Carers' Centre", O, "Information, carers' assessments, breaks and training for unpaid carers.", FREE, "Mon-Fri 9-17", ["carers"], [], "shq", "carers", False),
    ("Mind Wellbeing Drop-in", O, "Talk to someone about how you feel, without an appointment.", FREE, "Tue 13-16; Thu 13-16", ["mental_health"], ["adults"], "q", "mental health", False),
    ("Lakeside Day Centre", O, "Day support with activities, meals and personal care.", PAID, "Mon-Fri 9-16", ["learning_disability", "physical_disability"], ["adults"], "shq", "day centre", False),
    ("Kendal Youth Centre", O, "Youth club, games, music studio and a youth worker to talk to.", FREE, "Mon 18-21; Wed 18-21; Fri 18-22", [], ["young_people"], "s", "youth club", False),
    ("Family Hub", O, "Support for families with children: health visitors, groups and advice.", FREE, "Mon-Fri 9-17", [], ["children", "families"], "shq", "families, children", False),
    ("Talking Therapies", O, "NHS talking therapies for anxiety and depression. Refer yourself.", FREE, "Mon-Fri 9-17", ["mental_health"], ["adults"], "q", "counselling", False),
    ("Dial-a-Ride Community Transport", O, "Door-to-door minibus for people who cannot use buses easily.", LOW, "Mon-Fri 9-16", ["physical_disability"], ["older_people"], "", "transport, minibus", False),
    ("Age Friendly Kendal", O, "Information and advice for older people, and a handyperson service.", FREE, "Mon-Fri 10-14", [], ["older_people"], "sh", "older people, advice", False),
    ("Housing Options Team", O, "Help if you are homeless or might lose your home.", FREE, "Mon-Fri 9-17", ["money"], ["adults"], "sh", "housing, homeless", False),
    ("Employment Support Hub", O, "Help with CVs, applications and confidence for work, including supported employment.", FREE, "Tue 10-15; Thu 10-15", ["learning_disability"], ["adults", "young_people"], "s", "jobs, work", False),
    ("Volunteer Centre", O, "Find a volunteering role that suits you, with support to start.", FREE, "Mon-Fri 10-16", [], [], "s", "volunteering", False),
    ("Sensory Support Service", O, "Help for people with sight or hearing loss, including equipment.", FREE, "Mon-Fri 9-17", ["sensory"], [], "shb", "sight, hearing", False),
    ("Kendal Pharmacy Health Check", O, "Free blood pressure checks and advice at the pharmacy.", FREE, "Mon-Sat 9-17", [], ["adults", "older_people"], "s", "health check", False),
    ("Community Mental Health Peer Support", O, "Peer supporters who have been there themselves, one to one or in groups.", FREE, "Wed 10-16", ["mental_health"], ["adults"], "q", "peer support", False),
    ("Dementia Advice Service", O, "Advisers help people living with dementia and their families plan ahead.", FREE, "Mon-Fri 9-17", ["dementia", "carers"], [], "sq", "dementia", False),
    ("Advocacy in South Lakes", O, "Independent advocates to help you have your say about care and support.", FREE, "Mon-Fri 9-17", ["learning_disability", "mental_health"], ["adults"], "q", "advocacy", False),
    ("Shopmobility Kendal", O, "Borrow a mobility scooter or wheelchair to get around the town centre.", LOW, "Mon-Sat 10-16", ["physical_disability"], [], "s", "wheelchair, scooter", True),
    ("Kendal Credit Union", O, "Savings accounts and fair loans, as an alternative to doorstep lenders.", FREE, "Tue 10-13; Fri 10-13", ["money"], ["adults"], "s", "loans, savings", False),
    ("Job Centre Plus", O, "Help with Universal Credit and finding work.", FREE, "Mon-Fri 9-17", ["money"], ["adults"], "sh", "benefits, jobs", False),
    ("Home from Hospital Service", O, "Volunteers help for a few weeks after a hospital stay: shopping, lifts and company.", FREE, "Mon-Fri 9-17", [], ["older_people"], "", "hospital, volunteers", False),
    # Physical places and spaces
    ("Abbot Hall Park", P, "Riverside park with flat paths, benches and a play area.", FREE, "", [], [], "s", "park, river, benches", True),
    ("River Kent Riverside Walk", P, "A level path along the river through the town, good for wheelchairs and buggies.", FREE, "", [], [], "s", "walk, river", True),
    ("Castle Hill Viewpoint", P, "Ruins of Kendal Castle with views over the town. Steep path up.", FREE, "", [], [], "", "castle, views", False),
    ("Fellside Community Garden", P, "Raised beds anyone can help with, and a shelter with a kettle.", FREE, "Wed 10-15; Sat 10-15", ["mental_health"], [], "s", "gardening, growing", True),
    ("Changing Places Toilet, Westmorland Shopping Centre", P, "A fully accessible toilet with hoist and changing bench.", FREE, "Mon-Sat 8-18; Sun 10-16", ["physical_disability"], [], "s", "toilet, accessible", True),
    ("Market Place Benches", P, "Benches with arms and backs in the Market Place: a good place to rest and meet.", FREE, "", [], [], "s", "benches, rest", True),
    ("Castle Park Playground", P, "Playground with accessible equipment and a roundabout for wheelchairs.", FREE, "", [], ["children", "families"], "s", "playground", False),
    ("Kendal Town Hall Meeting Rooms", P, "Rooms community groups can book at a low price.", LOW, "Mon-Fri 9-17", [], [], "sh", "rooms, meetings", False),
    ("St George's Church Hall", P, "A warm hall with a kitchen, used by many groups.", LOW, "", [], [], "s", "hall, rooms", False),
    ("Serpentine Woods", P, "Woodland walks on the hill above the town, with a nature trail.", FREE, "", [], [], "", "woods, nature", False),
    ("Sandylands Sports Field", P, "Open field with goalposts and a path round the edge.", FREE, "", [], [], "", "sport, field", False),
    ("Kendal Bus Station", P, "Buses to the Lakes and nearby towns; staffed help point.", PAID, "Mon-Sat 7-19", [], [], "s", "buses, transport", False),
    ("Heron Hill Allotments", P, "Council allotments, including two raised beds for disabled gardeners.", LOW, "", [], [], "s", "allotments", False),
    ("Kirkland Quiet Garden", P, "A small walled garden by the parish church, calm and quiet.", FREE, "Mon-Sun 9-17", ["mental_health"], [], "sq", "quiet, garden", True),
    ("Mintsfeet Nature Reserve", P, "Ponds and meadows with a level boardwalk.", FREE, "", [], [], "s", "nature, birds", False),
    ("Goose Holme Picnic Area", P, "Picnic tables by the river, close to parking.", FREE, "", [], ["families"], "s", "picnic, river", True),
    ("Kendal Skate Park", P, "Skate park with ramps for all levels.", FREE, "", [], ["young_people"], "", "skateboarding", False),
    ("Warm Welcome Space at Riverside", P, "A warm room with hot drinks and company through the winter.", FREE, "Mon-Fri 10-16", ["money", "loneliness"], [], "shq", "warm space", True),
    # Economic resources
    ("Pay As You Feel Café", E, "Meals made from surplus food: pay what you can, or help out instead.", FREE, "Wed 12-14; Sat 12-14", ["money"], [], "s", "food, café", True),
    ("Kendal Time Bank", E, "Swap an hour of help for an hour of someone else's: lifts, gardening, forms.", FREE, "", ["loneliness"], [], "", "time bank, swaps", False),
    ("Tool Library", E, "Borrow tools for DIY and gardening instead of buying them.", LOW, "Sat 10-12", ["money"], [], "s", "tools, borrow", True),
    ("Furniture Reuse Project", E, "Low-cost furniture and white goods for people setting up home.", LOW, "Mon-Sat 10-16", ["money"], [], "s", "furniture", False),
    ("School Uniform Swap", E, "Free school uniform, swapped or donated.", FREE, "Sat 10-12", ["money"], ["children", "families"], "s", "uniform", False),
    ("Community Fridge", E, "Take food that would otherwise go to waste, no questions asked.", FREE, "Mon-Sat 9-17", ["money"], [], "s", "food", True),
    ("Start-up Business Advice", E, "Free advice for people starting a small business or social enterprise.", FREE, "Thu 10-15", [], ["adults"], "s", "business", False),
    ("Free Wi-Fi Digital Hub", E, "Free wi-fi and tablets to borrow, with volunteers to help you get online.", FREE, "Tue 10-12; Thu 14-16", [], ["older_people"], "sh", "internet, digital", False),
    ("Kendal Community Shop", E, "A shop run by volunteers, with low-cost groceries for members.", LOW, "Mon-Fri 10-16", ["money"], [], "s", "shop, food", False),
    ("Energy Advice Drop-in", E, "Help with energy bills, grants and keeping warm for less.", FREE, "Mon 10-13", ["money"], [], "s", "energy, bills", False),
    # Culture, history and stories
    ("Kendal Local History Society", C, "Talks, walks and an archive of old photographs of the town.", LOW, "Wed 19-21", [], ["older_people"], "h", "history", False),
    ("Kendal Heritage Trail", C, "A signed walk past the town's yards and old buildings, with an audio guide.", FREE, "", [], [], "", "history, walk", True),
    ("Museum of Lakeland Life", C, "Museum of local life and work, free for carers accompanying visitors.", PAID, "Mon-Sat 10-16", [], [], "sh", "museum", False),
    ("Storytelling Evenings", C, "Local stories told aloud in a pub back room. Listen or take a turn.", FREE, "Thu 19-21", [], ["adults"], "", "stories", False),
    ("Folk Music Session", C, "Musicians of all levels play traditional tunes together.", FREE, "Sun 14-17", [], [], "", "music, folk", False),
    ("Kendal Community Radio", C, "Volunteer-run radio station. Learn to present or make a programme.", FREE, "Mon-Fri 10-18", [], ["young_people", "adults"], "s", "radio", False),
    ("Dance for Health", C, "Seated and standing dance classes for people with long-term conditions.", LOW, "Fri 11-12", ["physical_disability"], ["older_people"], "sh", "dance", False),
    ("Community Film Club", C, "Subtitled and relaxed screenings once a month.", LOW, "Sun 14-17", ["autism", "sensory"], [], "sq", "films, relaxed", False),
    ("Kendal Oral History Archive", C, "Recordings of local people's memories; volunteers record new ones.", FREE, "Tue 10-13", [], ["older_people"], "s", "memories", False),
    ("Urdu and English Conversation Circle", C, "Practise English or Urdu over tea, with newcomers welcome.", FREE, "Sat 14-16", [], [], "s", "languages", False),
]
# People's skills, gifts and time: private individuals who agreed to be listed. Their contact
# details are never public: the council puts people in touch.
PEOPLE = [
    ("Bike repairs by a retired mechanic", "Fixes bikes and mobility scooters in his garage for the cost of parts.", "Ken", "07700 900101"),
    ("Help with forms", "A retired solicitor helps neighbours fill in forms and letters.", "Margaret", "07700 900102"),
    ("Garden help for older neighbours", "Mows lawns and tidies gardens for older neighbours who cannot manage.", "Ray", "07700 900103"),
    ("Beginners' guitar", "Teaches guitar to beginners of any age, free for young carers.", "Priti", "07700 900104"),
    ("Phone befriending", "Rings people who live alone for a chat once a week.", "Anne", "07700 900105"),
    ("Lifts to appointments", "Drives people to hospital and GP appointments when buses are hard.", "Dave", "07700 900106"),
    ("Baking with children", "Runs baking sessions for children at the church hall.", "Sue", "07700 900107"),
    ("British Sign Language taster", "A Deaf resident teaches BSL basics to anyone who wants to learn.", "Tom", "07700 900108"),
    ("Dog walking for people who are unwell", "Walks dogs for neighbours in hospital or recovering.", "Jas", "07700 900109"),
    ("Sewing and alterations", "Teaches simple sewing and mends clothes for people who cannot.", "Helen", "07700 900110"),
]
DAYS = {"Mon": 0, "Tue": 1, "Wed": 2, "Thu": 3, "Fri": 4, "Sat": 5, "Sun": 6}
ACCESS = {"s": "step_free", "h": "hearing_loop", "q": "quiet_space", "b": "bsl"}
STREETS = ["Highgate", "Stricklandgate", "Stramongate", "Kirkland", "Finkle Street", "Market Place", "Wildman Street",
           "Castle Street", "Sandes Avenue", "Aynam Road", "Burneside Road", "Appleby Road", "Windermere Road", "Queen's Road"]


def parse_hours(text: str) -> list[tuple[int, datetime.time, datetime.time]]:
    """ "Mon-Fri 9-17; Sat 10-12" -> weekly rows."""
    rows = []
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        days, hours = part.split(" ")
        opens, closes = (datetime.time(int(hour)) for hour in hours.split("-"))
        first, _, last = days.partition("-")
        for day in range(DAYS[first], DAYS[last or first] + 1):
            rows.append((day, opens, closes))
    return rows


def load_demo_places() -> None:
    with DEMO_PLACES.open(newline="", encoding="utf-8") as handle:
        services.places_load(csv.DictReader(handle))


def _position(rng: random.Random, postcodes: list[Place]) -> tuple[Place, Decimal, Decimal]:
    place = rng.choice(postcodes)
    jitter = lambda: Decimal(rng.randint(-40, 40)) / Decimal(100000)  # noqa: E731  (a few metres)
    return place, place.latitude + jitter(), place.longitude + jitter()


@transaction.atomic
@demo_seeder(120)
def seed_assets_demo() -> None:
    """Idempotent: safe to run again on a seeded database."""
    if Asset.objects.filter(name="Kendal Library").exists():
        return
    load_demo_places()
    rng = random.Random(8)
    commissioner = User.objects.get(email="commissioner@demo.example")
    al = User.objects.get(email="person@demo.example")
    maureen = User.objects.get(email="carer@demo.example")
    rosa = User.objects.filter(email="assessor@demo.example").first()
    postcodes = list(Place.objects.filter(kind=Place.Kind.POSTCODE).order_by("key"))
    today = timezone.localdate()

    programme = Programme.objects.filter(title=DAY_OPPORTUNITIES).first()
    walk = None
    if programme is not None:
        walk = services.mapping_exercise_record(
            programme=programme, by=commissioner, title=WALK_TITLE, method=MappingExercise.Method.WALK,
            area="Market Place, Highgate and the riverside", happened_on=datetime.date(2026, 9, 24), others_taking_part=7,
            summary="Eleven of us walked the town centre with clipboards and a camera and listed every place and group "
                    "that helps. People said benches, quiet places and accessible toilets matter as much as services.",
            participants=list(GroupMember.objects.filter(programme=programme, user__in=[al, maureen])),
        )

    assets = []
    for index, (name, category, description, cost, hours, needs, ages, access, tags, on_walk) in enumerate(ASSETS):
        place, lat, lon = _position(rng, postcodes)
        online = name in {"Kendal Time Bank", "Talking Therapies", "Kendal Community Radio"}
        asset = Asset(
            name=name, category=category, description=description, cost=cost, needs=needs, age_groups=ages,
            **{flag: letter in access for letter, flag in ACCESS.items()},
            tags=[tag.strip() for tag in tags.split(",")],
            address=f"{rng.randint(1, 90)} {rng.choice(STREETS)}\nKendal" if category != P else f"{rng.choice(STREETS)}, Kendal",
            postcode=place.name, latitude=lat, longitude=lon, online=online,
            phone=f"01539 {rng.randint(700000, 799999)}" if category in (A, O, E, C) else "",
            website=f"https://example.org/{name.lower().replace(' ', '-').replace(chr(39), '')[:40]}" if category == O else "",
            responsible_name=name if category in (A, O) else "",
            languages=["Polish"] if "Polish" in name else ["Urdu"] if "Urdu" in name else [],
            status=Asset.Status.PUBLISHED, added_by=commissioner if not on_walk else rng.choice([al, maureen, commissioner]),
            published_at=timezone.now(), last_checked_on=today - datetime.timedelta(days=rng.randint(5, 300)),
            last_checked_by=commissioner, found_by_activity=walk.activity if (walk and on_walk) else None,
        )
        assets.append((asset, parse_hours(hours)))
    for name, description, first_name, phone in PEOPLE:
        place, lat, lon = _position(rng, postcodes)
        asset = Asset(
            name=name, category=I, description=description, cost=FREE, tags=["neighbours"], postcode=place.name,
            latitude=lat, longitude=lon, responsible_name=first_name, responsible_is_private=True, consent_to_publish=True,
            contact_name=first_name, phone=phone, status=Asset.Status.PUBLISHED, added_by=commissioner,
            published_at=timezone.now(), last_checked_on=today - datetime.timedelta(days=rng.randint(5, 300)), last_checked_by=commissioner,
        )
        assets.append((asset, []))
    # A few not checked for over a year: the stale task below marks them "needs checking".
    for asset, _ in assets[5:80:15]:
        asset.last_checked_on = today - datetime.timedelta(days=400)
    for asset, _ in assets:
        asset.save()
    OpeningTime.objects.bulk_create(
        OpeningTime(asset=asset, weekday=day, opens=opens, closes=closes) for asset, hours in assets for day, opens, closes in hours
    )
    Asset.objects.filter(name="Castle Hill Viewpoint").update(status=Asset.Status.CLOSED)  # path closed for repairs
    services.assets_mark_stale()

    _al_plan_option()

    if rosa is not None:
        services.moderator_appoint(user=rosa, by=commissioner, area="Town centre and Fellside")

    # Suggestions from Al and Maureen: waiting, one likely duplicate, one accepted, one declined.
    def suggest(by, name, category, description, postcode, note="", **extra):
        place = Place.objects.get(key=postcode.replace(" ", ""))
        return services.asset_suggest(by=by, data={
            "name": name, "category": category, "description": description, "postcode": postcode,
            "latitude": place.latitude, "longitude": place.longitude, **extra,
        }, found_by_activity=walk.activity if walk else None, note=note)

    suggest(al, "Saturday Gaming Club", A, "Board games and video games for adults every Saturday afternoon. Very friendly.", "LA9 4BH",
            note="I go every week. Ask for Jo.", needs=[Need.LEARNING_DISABILITY, Need.LONELINESS], age_groups=[AgeGroup.ADULTS])
    suggest(al, "The Riverside Community Centre", O, "Community centre with a café.", "LA9 4QG")
    suggest(maureen, "Carers' Walk and Talk", A, "A monthly walk for carers, with a break at the café.", "LA9 4DL",
            needs=[Need.CARERS], cost=Cost.FREE)
    suggest(maureen, "Quiet hour at the supermarket", P, "Lights down and no music on Tuesday mornings: good for autistic people.", "LA9 6BT",
            needs=[Need.AUTISM], quiet_space=True)
    accepted = suggest(al, "Bench by the Miller Bridge", P, "A bench with arms by the river: a good place to stop halfway.", "LA9 4HE")
    services.suggestion_review(suggestion=accepted, by=commissioner, accept=True,
                               reply="Thank you, Al. It is on the map now, and on our list of good resting places.")
    declined = suggest(al, "Kendal Mint Cake shop", E, "Sells mint cake.", "LA9 4PY")
    services.suggestion_review(suggestion=declined, by=commissioner, accept=False,
                               reply="Thanks, Al. We keep the map to things that help people live well, so we have not added a shop.")
    library = Asset.objects.get(name="Kendal Library")
    services.correction_suggest(asset=library, by=maureen, data={"name": library.name, "hearing_loop": False},
                                note="The hearing loop at the desk has not worked since the summer.")
    _link_needs(programme, commissioner)
    # Suggestions waiting must show as waiting in the queue, in the order they came.
    Suggestion.objects.filter(status=Suggestion.Status.WAITING).update(suggested_at=timezone.now() - datetime.timedelta(days=2))


def _link_needs(programme, commissioner) -> None:
    """Link some assets to the programme's priorities and outcomes, leaving visible gaps."""
    if programme is None:
        return
    outcomes = list(programme.outcomes.order_by("position", "pk"))
    priorities = list(programme.priorities.order_by("pk"))
    wanted = ["Friends Together Learning Disability Social", "Kendal Men's Shed", "Fellside Community Garden",
              "Employment Support Hub", "Kendal Walking for Health"]
    for index, asset in enumerate(Asset.objects.filter(name__in=wanted).order_by("name")):
        services.asset_links_set(
            asset=asset, programme=programme, by=commissioner,
            priorities=priorities[index % 2:index % 2 + 1] if priorities else [],
            outcomes=outcomes[:1] if outcomes and index < 3 else [],
        )


def demo_activity() -> Activity | None:
    return Activity.objects.filter(title=WALK_TITLE).first()


def _al_plan_option() -> None:
    """Al's plan: the allotments' raised beds, found on the map, as an option he and Tom considered."""
    from careplans.models import CarePlan

    plan = CarePlan.objects.filter(person__user__email="person@demo.example").order_by("-version").first()
    beds = Asset.objects.filter(name="Heron Hill Allotments").first()
    if plan is None or beds is None:
        return
    options = plan.content.setdefault("sections", {}).setdefault("outcomes", {}).setdefault("lists", {}).setdefault("options", [])
    if not any(option.get("link", {}).get("id") == beds.pk for option in options):
        options.append({
            "id": "p3", "option": beds.name, "benefits": "Raised beds I can reach from a stool", "risks": "A waiting list for a plot",
            "chosen": "no", "why": "I'd rather keep my own plot while I can", "link": {"kind": "asset", "id": beds.pk}, "whose": "person",
        })
        CarePlan.objects.filter(pk=plan.pk).update(content=plan.content)

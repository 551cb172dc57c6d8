"""The words of the synthetic reports: one theme per sector (plain data, no logic).

Indicator texts are made from ``things`` ("Number of <thing>"), ``people`` and ``topics``
("Number of <people> (male/female) trained in <topic>"), ``milestones``, ``rates`` (percentage
indicators) and ``rounds`` (a count reported in two parts). An activity repeats its
indicator's text, sometimes with an abbreviation of ``abbreviations`` written out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    ministry: tuple[str, str]  # (code, name)
    abbreviations: dict[str, str]
    things: tuple[str, ...]
    people: tuple[str, ...]
    topics: tuple[str, ...]
    milestones: tuple[str, ...]
    rates: tuple[str, ...]
    rounds: tuple[str, ...]
    items: tuple[str, ...]  # what is handed over, in narratives: "sets of laboratory equipment"
    places: tuple[str, ...]
    bullets: tuple[str, ...]  # lead-ins of bulleted achievements
    constraints: tuple[str, ...]
    footnotes: tuple[str, ...]
    procurement: tuple[str, ...]
    indirect: str
    employment: str


HEALTH = Theme(
    ministry=("MoH", "Ministry of Health"),
    abbreviations={"PHC": "primary health care", "MoH": "Ministry of Health"},
    things=(
        "PHC centres rehabilitated and equipped",
        "mobile medical teams deployed to underserved districts",
        "district health offices using the new reporting forms",
        "cold chain points supplied with solar refrigerators",
        "outbreak investigations supported by rapid response teams",
        "supervision visits conducted to PHC centres",
        "emergency obstetric care units upgraded",
    ),
    people=("health workers", "midwives", "laboratory technicians", "PHC managers"),
    topics=(
        "infection control",
        "emergency obstetric care",
        "disease surveillance",
        "integrated management of childhood illness",
    ),
    milestones=(
        "National immunisation strategy drafted with the MoH",
        "Essential drugs list revised and endorsed",
        "Health information system assessment completed",
        "Referral guidelines for obstetric emergencies issued",
        "Quality assurance framework for laboratories adopted",
        "Nutrition surveillance protocol piloted in two governorates",
    ),
    rates=(
        "Percentage of PHC centres reporting weekly surveillance data on time",
        "Percentage of deliveries attended by skilled birth attendants in target districts",
    ),
    rounds=("children under five vaccinated against polio",),
    items=("sets of laboratory equipment", "solar refrigerators", "delivery beds"),
    places=("Basrah", "Missan", "Thi-Qar", "Muthanna", "Qadissiya"),
    bullets=("Surveillance:", "Maternal health:", "Cold chain:", "Training:"),
    constraints=(
        "Frequent turnover of trained staff in the district health offices slowed the roll-out"
        " of the new reporting forms.",
        "Security incidents in two districts delayed the supervision visits planned for the"
        " quarter.",
    ),
    footnotes=(
        "Figures from the MoH surveillance database, not yet verified in the field.",
        "Includes PHC centres rehabilitated under the previous phase of the programme.",
        "Training refers to courses of at least three days with a pre- and post-test.",
    ),
    procurement=(
        "Laboratory equipment and reagents",
        "Solar refrigerators for the cold chain",
        "Delivery beds and obstetric kits",
        "Vehicles for mobile medical teams",
    ),
    indirect="By strengthening district health services, the programme benefits the whole"
    " population of the five southern governorates.",
    employment="The programme does not create jobs directly; local contractors carry out the"
    " rehabilitation works.",
)

WATER = Theme(
    ministry=("MoMPW", "Ministry of Municipalities and Public Works"),
    abbreviations={
        "WTP": "water treatment plant",
        "MoMPW": "Ministry of Municipalities and Public Works",
    },
    things=(
        "compact WTP units installed and operational",
        "kilometres of water network rehabilitated",
        "schools provided with latrines and hand-washing facilities",
        "water quality tests carried out by the governorate laboratories",
        "households connected to the rehabilitated network",
        "sewage pumping stations repaired",
    ),
    people=("water engineers", "plant operators", "school teachers", "community volunteers"),
    topics=("water quality monitoring", "operation and maintenance", "hygiene promotion"),
    milestones=(
        "Water safety plan for Kirkuk adopted by the water directorate",
        "Operation and maintenance manual for compact units issued",
        "Tariff study completed and shared with the MoMPW",
        "Hygiene promotion strategy endorsed",
    ),
    rates=(
        "Percentage of water samples meeting national drinking water standards",
        "Percentage of target schools with functioning latrines",
    ),
    rounds=("households reached by the hygiene campaign",),
    items=("compact water treatment units", "chlorine dosing pumps", "water tankers"),
    places=("Kirkuk", "Diyala", "Salah al-Din", "Ninewa"),
    bullets=("Water supply:", "Sanitation:", "Hygiene:", "Capacity building:"),
    constraints=(
        "Power cuts of up to 16 hours a day limited the operation & maintenance of the"
        " compact units.",
        "The late release of the governorate's counterpart budget delayed the network works.",
    ),
    footnotes=(
        "Measured by the governorate water laboratories; samples taken monthly.",
        "The water directorate has not yet set a target for the new districts.",
        "Two rounds of the campaign, counted separately.",
    ),
    procurement=(
        "Compact water treatment units",
        "Pipes and fittings for network rehabilitation",
        "Chlorine dosing pumps and reagents",
        "Hygiene kits for schools",
    ),
    indirect="By improving drinking water quality, the programme benefits about 300,000"
    " residents of the four governorates.",
    employment="Rehabilitation works employed local labourers through the contractors.",
)

AGRICULTURE = Theme(
    ministry=("MoA", "Ministry of Agriculture"),
    abbreviations={"MoA": "Ministry of Agriculture", "WUA": "water users association"},
    things=(
        "hectares of irrigated land rehabilitated",
        "farmer field schools established",
        "veterinary clinics rehabilitated and equipped",
        "greenhouses handed over to women farmers",
        "tonnes of certified wheat seed distributed",
        "irrigation canals cleaned and lined",
        "WUA registered with the MoA",
        "date palm offshoots planted in the national nursery",
    ),
    people=("extension workers", "farmers", "veterinarians", "women farmers"),
    topics=("integrated pest management", "on-farm water management", "animal health"),
    milestones=(
        "National seed policy drafted with the MoA",
        "Agricultural census methodology agreed",
        "Food security monitoring system set up",
        "Date palm sector strategy validated",
        "Early warning bulletin for crop pests published",
    ),
    rates=(
        "Percentage of trained farmers applying at least two new practices",
        "Percentage of rehabilitated canals maintained by the WUA",
    ),
    rounds=("school children receiving fortified date bars",),
    items=("tractors", "drip irrigation kits", "veterinary kits"),
    places=("Anbar", "Babylon", "Wassit", "Kerbala", "Najaf"),
    bullets=("Irrigation:", "Seeds:", "Livestock:", "School feeding:"),
    constraints=(
        "The drought reduced the area planted and the use of the rehabilitated canals.",
        "Customs clearance of the veterinary kits took three months.",
    ),
    footnotes=(
        "Seed distribution is counted once the seed is in the farmers' hands.",
        "Figures from the MoA directorates, compiled by FAO.",
        "WFP figures, from distribution reports of the school feeding programme.",
    ),
    procurement=(
        "Certified wheat seed",
        "Drip irrigation kits",
        "Veterinary kits and vaccines",
        "Greenhouses and inputs",
    ),
    indirect="Rural households in the five governorates benefit from better irrigation and seed.",
    employment="Canal cleaning employed local labour through cash-for-work.",
)

EMPLOYMENT = Theme(
    ministry=("MoLSA", "Ministry of Labour and Social Affairs"),
    abbreviations={
        "MoLSA": "Ministry of Labour and Social Affairs",
        "VTC": "vocational training centre",
    },
    things=(
        "VTC rehabilitated and equipped",
        "business start-up grants awarded",
        "employment service centres using the labour market information system",
        "public works contracts awarded to local contractors",
        "job-seekers registered with the employment service centres",
        "apprenticeships agreed with private employers",
    ),
    people=("job-seekers", "VTC instructors", "employment counsellors", "young graduates"),
    topics=("business skills", "career guidance", "labour market analysis"),
    milestones=(
        "Labour market information system installed at the MoLSA",
        "Vocational training curricula revised with employers",
        "Micro-finance regulation drafted",
        "National employment policy validated",
    ),
    rates=(
        "Percentage of VTC graduates employed six months after graduation",
        "Percentage of grantees whose business is operating after one year",
    ),
    rounds=("work-days created by the public works programme",),
    items=("workshop tool kits", "computers for the employment centres", "sewing machines"),
    places=("Baghdad", "Erbil", "Basrah", "Ninewa"),
    bullets=("Vocational training:", "Enterprise development:", "Public works:", "Policy:"),
    constraints=(
        "The MoLSA restructuring delayed the nomination of counterparts for the labour market"
        " information system.",
        "Banks were slow to open accounts for the grantees.",
    ),
    footnotes=(
        "A work-day is eight hours of paid work on a public works site.",
        "Tracer study of the 2011 graduates, carried out by the ILO.",
        "Includes grants approved in the previous quarter and paid in this one.",
    ),
    procurement=(
        "Workshop equipment for vocational training centres",
        "IT equipment for employment service centres",
        "Construction materials for public works",
    ),
    indirect="Families of the trainees and of the workers employed on public works.",
    employment="Public works and start-up grants create jobs directly.",
)

HOUSING = Theme(
    ministry=("MoCH", "Ministry of Construction and Housing"),
    abbreviations={
        "MoCH": "Ministry of Construction and Housing",
        "IDP": "internally displaced person",
    },
    things=(
        "low-cost housing units completed",
        "housing units rehabilitated for returning families",
        "land plots surveyed and registered",
        "school buildings rehabilitated",
        "kilometres of access roads paved",
        "community centres built",
    ),
    people=("municipal engineers", "housing officials", "contractors", "returnee families"),
    topics=("urban planning", "building standards", "land registration"),
    milestones=(
        "National housing policy adopted by the Council of Ministers",
        "Building code for low-cost housing revised",
        "Land registration procedure simplified",
        "Urban plan for Sadr City updated",
        "Housing market study completed",
    ),
    rates=(
        "Percentage of completed units occupied by eligible families",
        "Percentage of contracts completed within schedule",
    ),
    rounds=("families receiving rental subsidies",),
    items=("housing units", "generators", "prefabricated classrooms"),
    places=("Baghdad", "Najaf", "Kerbala", "Diyala"),
    bullets=("Construction:", "Policy:", "Land:", "Returns:"),
    constraints=(
        "Disputes over land ownership held up construction on two sites.",
        "The price of cement doubled during the quarter.",
    ),
    footnotes=(
        "A unit is complete when it has passed the MoCH inspection.",
        "Families selected with the municipal councils on agreed criteria.",
        "IDP returnee families only.",
    ),
    procurement=(
        "Construction of low-cost housing units",
        "Materials for rehabilitation of damaged houses",
        "Survey equipment for land registration",
    ),
    indirect="Neighbouring communities benefit from the new roads and community centres.",
    employment="Construction works employ local workers and contractors.",
)

EDUCATION = Theme(
    ministry=("MoE", "Ministry of Education"),
    abbreviations={
        "MoE": "Ministry of Education",
        "EMIS": "education management information system",
    },
    things=(
        "schools rehabilitated and furnished",
        "textbooks printed and distributed",
        "accelerated learning classes opened",
        "school directorates reporting through the EMIS",
        "parent-teacher associations established",
        "child-friendly school kits distributed",
    ),
    people=("teachers", "head teachers", "school supervisors", "EMIS officers"),
    topics=("child-centred teaching", "inclusive education", "school management"),
    milestones=(
        "Curriculum framework for basic education adopted",
        "EMIS data collection forms revised with the MoE",
        "National strategy for out-of-school children drafted",
        "Teacher code of conduct issued",
    ),
    rates=(
        "Percentage of trained teachers applying child-centred methods in class",
        "Percentage of enrolled girls in accelerated learning classes",
    ),
    rounds=("children sitting the national literacy test",),
    items=("school furniture sets", "science laboratory kits", "textbooks"),
    places=("Erbil", "Sulaymaniyah", "Dohuk", "Kirkuk"),
    bullets=("Teacher training:", "School rehabilitation:", "EMIS:", "Out-of-school children:"),
    constraints=(
        "The school year started late, which moved the teacher training to the holidays.",
        "The MoE has not yet approved the revised EMIS forms.",
    ),
    footnotes=(
        "Training of at least five days; refresher courses not counted.",
        "The MoE will set the target when the school map is finished.",
        "From the EMIS of the three northern governorates only.",
        "Textbooks printed in Arabic and Kurdish.",
    ),
    procurement=(
        "School furniture",
        "Science laboratory kits",
        "Printing of textbooks",
        "IT equipment for the EMIS",
    ),
    indirect="Families of the enrolled children and the communities around the schools.",
    employment="The programme does not generate employment directly.",
)

PROTECTION = Theme(
    ministry=("MoMD", "Ministry of Migration and Displacement"),
    abbreviations={
        "MoMD": "Ministry of Migration and Displacement",
        "PAC": "protection assistance centre",
    },
    things=(
        "IDP families registered by the MoMD with UNHCR support",
        "legal aid cases resolved",
        "PAC operating in the governorates",
        "civil documents issued to returnees",
        "shelter kits distributed to vulnerable families",
    ),
    people=("MoMD officials", "lawyers", "social workers", "community leaders"),
    topics=("protection monitoring", "civil documentation", "referral of vulnerable cases"),
    milestones=(
        "Return and reintegration strategy drafted with the MoMD",
        "Database of registered IDPs migrated to the new server",
        "Referral pathway for survivors of violence agreed",
    ),
    rates=(
        "Percentage of legal aid cases closed within three months",
        "Percentage of registered families receiving the return grant",
    ),
    rounds=("families receiving winter assistance",),
    items=("shelter kits", "non-food item kits", "computers for the registration offices"),
    places=("Baghdad", "Diyala", "Anbar", "Ninewa"),
    bullets=("Registration:", "Legal aid:", "Shelter:", "Returns:"),
    constraints=(
        "Access to Anbar remained limited for international staff.",
        "The MoMD budget for return grants was cut by a third.",
    ),
    footnotes=(
        "Cases opened since the start of the project.",
        "Figures from the MoMD registration database.",
    ),
    procurement=(
        "Shelter and non-food item kits",
        "IT equipment for registration offices",
        "Vehicles for protection monitoring",
    ),
    indirect="Host communities of the displaced families.",
    employment="No direct employment is generated.",
)

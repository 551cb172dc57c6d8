"""The report's own words in English, Arabic and Kurdish (Sorani): headings, column titles,
"Target", month names. The project's data (titles, narratives, findings) is never translated.

``labels(lang)`` gives one ``Labels``; every field must be filled for every language (a
missing one is a type error). Arabic and Sorani read right to left (``Labels.rtl``); the
renderers keep numbers and codes such as 1.1.8 left to right inside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from logframe.domain.periods import Quarter

Lang = Literal["en", "ar", "ckb"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DASH = "\u2013"


@dataclass(frozen=True)
class Labels:
    lang: Lang
    rtl: bool
    months: tuple[str, ...]
    quarters: tuple[str, str, str, str]  # "1st Quarter" … "4th Quarter"
    report_title: str
    states: dict[str, str]  # open/submitted/returned → "Draft", …
    statuses: dict[str, str]  # "Initiated" (the domain's status word) → translated
    groups: dict[str, str]  # BeneficiaryGroup value → "Men", …
    jp_output: str
    output: str
    lead_agency: str
    project_number: str
    period_updated: str
    participants: str
    thematic_group: str
    sector: str
    line_ministry: str
    title: str
    location: str
    project_cost: str
    total_budget: str
    duration: str
    months_unit: str
    key_dates: str
    approval: str
    start: str
    completion: str
    revised_completion: str
    description: str
    goal_section: str
    development_goal: str
    undaf: str
    immediate_objective: str
    outputs_section: str
    outputs: str
    activities: str
    procurement: str
    procurement_plan: str
    procurement_progress: str
    none_recorded: str
    finance_section: str
    organisation: str
    approved: str  # "Approved ({currency})"
    committed: str
    disbursed: str
    amount: str  # "Amount ({currency})"
    pct_of_approved: str
    forecast_final_date: str
    delay_months: str
    total: str
    beneficiaries_section: str
    beneficiaries_number: str
    pct_of_planned_status: str
    target_of: str  # "{group} (Target: {target})"
    quantitative_section: str
    quantitative_column: str
    target: str
    actual: str
    pct_of_planned: str
    male: str
    female: str
    qualitative_section: str
    constraints_section: str
    no_constraints: str
    nothing_reported: str
    notes_section: str
    no_text: str
    evidence_section: str
    indicator: str
    document: str
    evidence_description: str
    kind: str
    size: str
    findings_section: str
    no_findings: str
    findings_summary: str  # "{total} … {errors} … {warnings} … {notes}"
    severity: str
    where: str
    finding: str
    severities: dict[str, str]
    source: str
    reported: str  # "reported"
    differs: str
    legend: str
    colophon: str  # "{number}, {period}"
    page: str  # "Page {page} of {pages}" (CSS counters / Word fields fill them)
    page_of: str
    charts_section: str
    chart_progress: str
    chart_progress_axis: str
    chart_finance: str
    chart_finance_axis: str
    chart_time: str
    chart_time_axis: str
    time_elapsed: str
    approved_budget: str
    no_figures: str
    code: str
    value: str
    status: str
    computed_pct: str
    reported_pct: str
    sheet_indicators: str
    sheet_finance: str
    sheet_beneficiaries: str
    group: str
    note: str
    reported_amount: str
    not_available: str  # "n/a"
    lead: str  # "UNDP (lead), UNOPS"

    def month(self, number: int) -> str:
        return self.months[number - 1]

    def period(self, quarter: Quarter) -> str:
        """ "01 January - 31 March 2013 - 1st Quarter 2013" in this language (en dashes)."""
        start, end = quarter.start, quarter.end
        first = f"{start.day:02d} {self.month(start.month)}"
        last = f"{end.day:02d} {self.month(end.month)} {end.year}"
        return f"{first} {DASH} {last} {DASH} {self.quarters[quarter.number - 1]} {quarter.year}"

    def date(self, text: str) -> str:
        """A date the model wrote in English ("29 September 2010") in this language."""
        parts = text.split(" ")
        if len(parts) != 3 or parts[1] not in EN.months:
            return text
        return f"{parts[0]} {self.month(EN.months.index(parts[1]) + 1)} {parts[2]}"

    def result(self, *, jp: bool, code: str) -> str:
        return f"{self.jp_output if jp else self.output} {code}"

    def status_word(self, word: str) -> str:
        """A status or milestone word the model wrote in English, or "n/a", in this language."""
        if word == EN.not_available:
            return self.not_available
        return self.statuses.get(word, word)


EN = Labels(
    lang="en",
    rtl=False,
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    quarters=("1st Quarter", "2nd Quarter", "3rd Quarter", "4th Quarter"),
    report_title="Quarterly Progress Report",
    states={"open": "Draft", "submitted": "Submitted", "returned": "Returned"},
    statuses={
        "Not yet initiated": "Not yet initiated",
        "Initiated": "Initiated",
        "Partially": "Partially",
        "Completed": "Completed",
        "Yes": "Yes",
    },
    groups={
        "men": "Men",
        "women": "Women",
        "children": "Children",
        "idps": "IDPs",
        "others": "Others",
        "indirect": "Indirect beneficiaries",
        "employment": "Employment generation (men/women)",
    },
    jp_output="JP Output",
    output="Output",
    lead_agency="lead agency",
    project_number="Project number",
    period_updated="Date and quarter updated",
    participants="Participating UN organisations",
    thematic_group="Thematic group (PWG)",
    sector="Sector",
    line_ministry="Responsible line ministry",
    title="Title",
    location="Geographic location",
    project_cost="Project cost",
    total_budget="Total budget",
    duration="Duration",
    months_unit="months",
    key_dates="Key dates",
    approval="Approval (SC)",
    start="Start",
    completion="Completion",
    revised_completion="Revised completion",
    description="Project description",
    goal_section="Development Goal and Immediate Objectives",
    development_goal="Development goal",
    undaf="Links with the UNDAF",
    immediate_objective="Immediate objective",
    outputs_section="Outputs, Key Activities and Procurement",
    outputs="Outputs",
    activities="Activities",
    procurement="Procurement",
    procurement_plan="Procurement planned under the project:",
    procurement_progress="Progress this quarter",
    none_recorded="None recorded.",
    finance_section="Financial Status",
    organisation="Organisation",
    approved="Approved ({currency})",
    committed="Funds committed",
    disbursed="Funds disbursed",
    amount="Amount ({currency})",
    pct_of_approved="% of approved",
    forecast_final_date="Forecast final date",
    delay_months="Delay (months)",
    total="Total",
    beneficiaries_section="Beneficiaries",
    beneficiaries_number="Number of beneficiaries",
    pct_of_planned_status="% of planned (current status)",
    target_of="{group} (Target: {target})",
    quantitative_section="Quantitative Achievements against Objectives and Results",
    quantitative_column="Quantitative achievements against objectives and results",
    target="Target",
    actual="Actual",
    pct_of_planned="% of planned",
    male="male",
    female="female",
    qualitative_section="Qualitative Achievements against Objectives and Results",
    constraints_section="Main Implementation Constraints and Challenges",
    no_constraints="No constraints reported.",
    nothing_reported="Nothing reported.",
    notes_section="Notes",
    no_text="(no text recorded)",
    evidence_section="Annex: Means of Verification",
    indicator="Indicator",
    document="Document",
    evidence_description="Description",
    kind="Type",
    size="Size",
    findings_section="Data-Quality Findings",
    no_findings="No findings: every reported figure agrees with the recorded values.",
    findings_summary=(
        "Findings: {total}; errors (a reported figure is wrong): {errors}; warnings (to look"
        " at): {warnings}; notes (for information): {notes}."
    ),
    severity="Severity",
    where="Where",
    finding="Finding",
    severities={"error": "error", "warning": "warning", "info": "info"},
    source="Source",
    reported="reported",
    differs="Differs from the reported figure",
    legend=(
        "The figure computed from the recorded values differs from the figure the report"
        " stated; the stated figure is shown as “reported”. See the data-quality findings at"
        " the end."
    ),
    colophon=(
        "Project {number}, {period}. Every percentage is computed from the recorded values"
        " under the fund's reporting conventions; figures the report stated are shown beside"
        " them where they differ."
    ),
    page="Page",
    page_of="of",
    charts_section="Progress and Finance at a Glance",
    chart_progress="Progress per output",
    chart_progress_axis="% of planned",
    chart_finance="Committed and disbursed against the approved budget, per agency",
    chart_finance_axis="% of the approved budget",
    chart_time="Funds disbursed against time elapsed",
    chart_time_axis="%",
    time_elapsed="Time elapsed",
    approved_budget="Approved budget",
    no_figures="No figures to show yet.",
    code="Code",
    value="Value",
    status="Status",
    computed_pct="Computed %",
    reported_pct="Reported %",
    sheet_indicators="Indicators",
    sheet_finance="Finance",
    sheet_beneficiaries="Beneficiaries",
    group="Group",
    note="Note",
    reported_amount="Reported",
    not_available="n/a",
    lead="lead",
)

AR = Labels(
    lang="ar",
    rtl=True,
    months=(
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ),
    quarters=("الربع الأول", "الربع الثاني", "الربع الثالث", "الربع الرابع"),
    report_title="تقرير التقدم الفصلي",
    states={"open": "مسودة", "submitted": "مُقدَّم", "returned": "مُعاد"},
    statuses={
        "Not yet initiated": "لم يبدأ بعد",
        "Initiated": "بدأ",
        "Partially": "منجز جزئياً",
        "Completed": "مكتمل",
        "Yes": "نعم",
    },
    groups={
        "men": "الرجال",
        "women": "النساء",
        "children": "الأطفال",
        "idps": "النازحون داخلياً",
        "others": "آخرون",
        "indirect": "المستفيدون غير المباشرين",
        "employment": "توفير فرص العمل (رجال/نساء)",
    },
    jp_output="مخرج البرنامج المشترك",
    output="المخرج",
    lead_agency="الوكالة الرائدة",
    project_number="رقم المشروع",
    period_updated="تاريخ التحديث والربع",
    participants="منظمات الأمم المتحدة المشاركة",
    thematic_group="المجموعة القطاعية",
    sector="القطاع",
    line_ministry="الوزارة المسؤولة",
    title="العنوان",
    location="الموقع الجغرافي",
    project_cost="كلفة المشروع",
    total_budget="إجمالي الميزانية",
    duration="المدة",
    months_unit="شهراً",
    key_dates="التواريخ الرئيسية",
    approval="الموافقة (اللجنة التوجيهية)",
    start="البدء",
    completion="الإنجاز",
    revised_completion="الإنجاز المعدَّل",
    description="وصف المشروع",
    goal_section="الهدف الإنمائي والأهداف المباشرة",
    development_goal="الهدف الإنمائي",
    undaf="الصلة بإطار عمل الأمم المتحدة للمساعدة الإنمائية",
    immediate_objective="الهدف المباشر",
    outputs_section="المخرجات والأنشطة الرئيسية والمشتريات",
    outputs="المخرجات",
    activities="الأنشطة",
    procurement="المشتريات",
    procurement_plan="المشتريات المخطط لها في إطار المشروع:",
    procurement_progress="التقدم خلال هذا الربع",
    none_recorded="لا شيء مسجَّل.",
    finance_section="الوضع المالي",
    organisation="المنظمة",
    approved="المعتمد ({currency})",
    committed="الأموال الملتزم بها",
    disbursed="الأموال المصروفة",
    amount="المبلغ ({currency})",
    pct_of_approved="٪ من المعتمد",
    forecast_final_date="التاريخ النهائي المتوقع",
    delay_months="التأخير (بالأشهر)",
    total="المجموع",
    beneficiaries_section="المستفيدون",
    beneficiaries_number="عدد المستفيدين",
    pct_of_planned_status="٪ من المخطط (الوضع الحالي)",
    target_of="{group} (المستهدف: {target})",
    quantitative_section="الإنجازات الكمية مقابل الأهداف والنتائج",
    quantitative_column="الإنجازات الكمية مقابل الأهداف والنتائج",
    target="المستهدف",
    actual="المتحقق",
    pct_of_planned="٪ من المخطط",
    male="ذكور",
    female="إناث",
    qualitative_section="الإنجازات النوعية مقابل الأهداف والنتائج",
    constraints_section="أبرز معوقات التنفيذ وتحدياته",
    no_constraints="لم يُبلَّغ عن معوقات.",
    nothing_reported="لم يُبلَّغ عن شيء.",
    notes_section="الحواشي",
    no_text="(لم يُسجَّل نص)",
    evidence_section="ملحق: وسائل التحقق",
    indicator="المؤشر",
    document="الوثيقة",
    evidence_description="الوصف",
    kind="النوع",
    size="الحجم",
    findings_section="ملاحظات جودة البيانات",
    no_findings="لا ملاحظات: كل رقم مُبلَّغ عنه يتفق مع القيم المسجَّلة.",
    findings_summary=(
        "الملاحظات: {total}؛ أخطاء (رقم مُبلَّغ عنه غير صحيح): {errors}؛ تحذيرات (للمراجعة):"
        " {warnings}؛ ملاحظات (للعلم): {notes}."
    ),
    severity="الدرجة",
    where="الموضع",
    finding="الملاحظة",
    severities={"error": "خطأ", "warning": "تحذير", "info": "ملاحظة"},
    source="المصدر",
    reported="المُبلَّغ عنه",
    differs="يختلف عن الرقم المُبلَّغ عنه",
    legend=(
        "الرقم المحسوب من القيم المسجَّلة يختلف عن الرقم الوارد في التقرير، ويظهر الرقم"
        " الوارد بوصفه «المُبلَّغ عنه». انظر ملاحظات جودة البيانات في آخر التقرير."
    ),
    colophon=(
        "المشروع {number}، {period}. كل نسبة مئوية محسوبة من القيم المسجَّلة وفق قواعد"
        " الإبلاغ في الصندوق، وتظهر الأرقام الواردة في التقرير بجانبها حيث تختلف."
    ),
    page="الصفحة",
    page_of="من",
    charts_section="التقدم والوضع المالي في لمحة",
    chart_progress="التقدم حسب المخرج",
    chart_progress_axis="٪ من المخطط",
    chart_finance="الملتزم به والمصروف مقابل الميزانية المعتمدة، حسب الوكالة",
    chart_finance_axis="٪ من الميزانية المعتمدة",
    chart_time="الأموال المصروفة مقابل الوقت المنقضي",
    chart_time_axis="٪",
    time_elapsed="الوقت المنقضي",
    approved_budget="الميزانية المعتمدة",
    no_figures="لا أرقام لعرضها بعد.",
    code="الرمز",
    value="القيمة",
    status="الحالة",
    computed_pct="النسبة المحسوبة ٪",
    reported_pct="النسبة المُبلَّغ عنها ٪",
    sheet_indicators="المؤشرات",
    sheet_finance="المالية",
    sheet_beneficiaries="المستفيدون",
    group="الفئة",
    note="ملاحظة",
    reported_amount="المُبلَّغ عنه",
    not_available="غير متاح",
    lead="رائدة",
)

CKB = Labels(
    lang="ckb",
    rtl=True,
    months=(
        "کانوونی دووەم",
        "شوبات",
        "ئازار",
        "نیسان",
        "ئایار",
        "حوزەیران",
        "تەممووز",
        "ئاب",
        "ئەیلوول",
        "تشرینی یەکەم",
        "تشرینی دووەم",
        "کانوونی یەکەم",
    ),
    quarters=("چارەکی یەکەم", "چارەکی دووەم", "چارەکی سێیەم", "چارەکی چوارەم"),
    report_title="ڕاپۆرتی پێشکەوتنی چارەکانە",
    states={"open": "ڕەشنووس", "submitted": "پێشکەشکراو", "returned": "گەڕێنراوە"},
    statuses={
        "Not yet initiated": "هێشتا دەستی پێنەکراوە",
        "Initiated": "دەستی پێکراوە",
        "Partially": "بەشێکی تەواوبووە",
        "Completed": "تەواوبووە",
        "Yes": "بەڵێ",
    },
    groups={
        "men": "پیاوان",
        "women": "ئافرەتان",
        "children": "منداڵان",
        "idps": "ئاوارەکانی ناوخۆ",
        "others": "ئەوانی تر",
        "indirect": "سوودمەندانی ناڕاستەوخۆ",
        "employment": "دابینکردنی هەلی کار (پیاوان/ئافرەتان)",
    },
    jp_output="دەرئەنجامی بەرنامەی هاوبەش",
    output="دەرئەنجام",
    lead_agency="ئاژانسی پێشەنگ",
    project_number="ژمارەی پرۆژە",
    period_updated="بەروار و چارەکی نوێکردنەوە",
    participants="ڕێکخراوە بەشداربووەکانی نەتەوە یەکگرتووەکان",
    thematic_group="گرووپی بابەتی",
    sector="کەرت",
    line_ministry="وەزارەتی بەرپرسیار",
    title="ناونیشان",
    location="شوێنی جوگرافی",
    project_cost="تێچووی پرۆژە",
    total_budget="کۆی بودجە",
    duration="ماوە",
    months_unit="مانگ",
    key_dates="بەروارە سەرەکییەکان",
    approval="پەسەندکردن (لیژنەی ئاراستەکردن)",
    start="دەستپێک",
    completion="تەواوبوون",
    revised_completion="تەواوبوونی پێداچوونەوەکراو",
    description="وەسفی پرۆژە",
    goal_section="ئامانجی گەشەپێدان و ئامانجە ڕاستەوخۆکان",
    development_goal="ئامانجی گەشەپێدان",
    undaf="پەیوەندی بە چوارچێوەی هاوکاریی گەشەپێدانی نەتەوە یەکگرتووەکان",
    immediate_objective="ئامانجی ڕاستەوخۆ",
    outputs_section="دەرئەنجامەکان، چالاکییە سەرەکییەکان و کڕین",
    outputs="دەرئەنجامەکان",
    activities="چالاکییەکان",
    procurement="کڕین",
    procurement_plan="ئەو کڕینانەی لە پرۆژەکەدا پلانیان بۆ دانراوە:",
    procurement_progress="پێشکەوتن لەم چارەکەدا",
    none_recorded="هیچ تۆمار نەکراوە.",
    finance_section="دۆخی دارایی",
    organisation="ڕێکخراو",
    approved="پەسەندکراو ({currency})",
    committed="پارەی پابەندکراو",
    disbursed="پارەی خەرجکراو",
    amount="بڕ ({currency})",
    pct_of_approved="٪ی پەسەندکراو",
    forecast_final_date="بەرواری کۆتایی پێشبینیکراو",
    delay_months="دواکەوتن (بە مانگ)",
    total="کۆ",
    beneficiaries_section="سوودمەندان",
    beneficiaries_number="ژمارەی سوودمەندان",
    pct_of_planned_status="٪ی پلان (دۆخی ئێستا)",
    target_of="{group} (ئامانج: {target})",
    quantitative_section="دەستکەوتە چەندییەکان بەرامبەر ئامانج و ئەنجامەکان",
    quantitative_column="دەستکەوتە چەندییەکان بەرامبەر ئامانج و ئەنجامەکان",
    target="ئامانج",
    actual="بەدیهاتوو",
    pct_of_planned="٪ی پلان",
    male="نێر",
    female="مێ",
    qualitative_section="دەستکەوتە چۆنایەتییەکان بەرامبەر ئامانج و ئەنجامەکان",
    constraints_section="گرنگترین ئاستەنگ و تەحەدداکانی جێبەجێکردن",
    no_constraints="هیچ ئاستەنگێک ڕاپۆرت نەکراوە.",
    nothing_reported="هیچ ڕاپۆرت نەکراوە.",
    notes_section="پەراوێزەکان",
    no_text="(هیچ دەقێک تۆمار نەکراوە)",
    evidence_section="پاشکۆ: ئامرازەکانی پشتڕاستکردنەوە",
    indicator="پێوەر",
    document="بەڵگەنامە",
    evidence_description="وەسف",
    kind="جۆر",
    size="قەبارە",
    findings_section="تێبینییەکانی کوالیتیی داتا",
    no_findings=(
        "هیچ تێبینییەک نییە: هەموو ژمارە ڕاپۆرتکراوەکان لەگەڵ بەها تۆمارکراوەکان یەکدەگرنەوە."
    ),
    findings_summary=(
        "تێبینییەکان: {total}؛ هەڵەکان (ژمارەیەکی ڕاپۆرتکراو هەڵەیە): {errors}؛ ئاگادارکردنەوەکان"
        " (بۆ سەیرکردن): {warnings}؛ تێبینییەکان (بۆ زانیاری): {notes}."
    ),
    severity="ئاست",
    where="شوێن",
    finding="تێبینی",
    severities={"error": "هەڵە", "warning": "ئاگادارکردنەوە", "info": "تێبینی"},
    source="سەرچاوە",
    reported="ڕاپۆرتکراو",
    differs="جیاوازە لە ژمارە ڕاپۆرتکراوەکە",
    legend=(
        "ئەو ژمارەیەی لە بەها تۆمارکراوەکان هەژمار کراوە جیاوازە لەو ژمارەیەی ڕاپۆرتەکە"
        " نووسیویەتی؛ ژمارە نووسراوەکە وەک «ڕاپۆرتکراو» پیشان دراوە. سەیری تێبینییەکانی"
        " کوالیتیی داتا بکە لە کۆتاییدا."
    ),
    colophon=(
        "پرۆژەی {number}، {period}. هەموو ڕێژەیەکی سەدی لە بەها تۆمارکراوەکان بەپێی ڕێساکانی"
        " ڕاپۆرتدانی سندووقەکە هەژمار کراوە؛ ئەو ژمارانەی ڕاپۆرتەکە نووسیونی لە تەنیشتیانەوە"
        " پیشان دراون کاتێک جیاوازن."
    ),
    page="لاپەڕەی",
    page_of="لە",
    charts_section="پێشکەوتن و دۆخی دارایی بە کورتی",
    chart_progress="پێشکەوتن بەپێی دەرئەنجام",
    chart_progress_axis="٪ی پلان",
    chart_finance="پابەندکراو و خەرجکراو بەرامبەر بودجەی پەسەندکراو، بەپێی ئاژانس",
    chart_finance_axis="٪ی بودجەی پەسەندکراو",
    chart_time="پارەی خەرجکراو بەرامبەر کاتی تێپەڕیو",
    chart_time_axis="٪",
    time_elapsed="کاتی تێپەڕیو",
    approved_budget="بودجەی پەسەندکراو",
    no_figures="هێشتا هیچ ژمارەیەک نییە بۆ پیشاندان.",
    code="کۆد",
    value="بەها",
    status="دۆخ",
    computed_pct="ڕێژەی هەژمارکراو ٪",
    reported_pct="ڕێژەی ڕاپۆرتکراو ٪",
    sheet_indicators="پێوەرەکان",
    sheet_finance="دارایی",
    sheet_beneficiaries="سوودمەندان",
    group="گرووپ",
    note="تێبینی",
    reported_amount="ڕاپۆرتکراو",
    not_available="بەردەست نییە",
    lead="پێشەنگ",
)

_BY_LANG: dict[Lang, Labels] = {"en": EN, "ar": AR, "ckb": CKB}


def labels(lang: Lang = "en") -> Labels:
    """The labels of ``lang``; ValueError naming the languages for any other."""
    try:
        return _BY_LANG[lang]
    except KeyError:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGS)}") from None

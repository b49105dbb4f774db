// Interface labels in Arabic (default) and English. Names and document text are never translated.

const LABELS = {
  skip: ['تخطَّ إلى المحتوى', 'Skip to content'],
  nav: ['الأقسام', 'Sections'],
  home: ['الرئيسية', 'Home'],
  search: ['بحث', 'Search'],
  entities: ['الكيانات', 'Entities'],
  graph: ['شبكة الفاعلين', 'Actor graph'],
  timeline: ['الخط الزمني', 'Timeline'],
  documents: ['الوثائق', 'Documents'],
  sources: ['المصادر والخلافات', 'Sources & disagreements'],
  exports: ['التصدير', 'Exports'],
  lang_toggle: ['English', 'العربية'],
  loading: ['جارٍ التحميل…', 'Loading…'],
  error: ['خطأ', 'Error'],
  error_api: ['تعذّر الحصول على البيانات من الخادم', 'The server could not answer this request'],
  error_status: ['رمز الحالة', 'status'],
  retry: ['أعد المحاولة', 'Retry'],
  not_found: ['الصفحة غير موجودة', 'Page not found'],
  welcome: ['مرصد: صورة الأخبار العربية', 'Marsad: the picture of Arabic news'],
  welcome_text: [
    'استكشف الفاعلين والأحداث والأرقام والتواريخ والتصريحات المستخرجة من المقالات، وكل عنصر مرتبط بموضعه في النص.',
    'Explore the actors, events, figures, dates and claims extracted from the articles, each tied to its exact place in the text.',
  ],
  stats: ['الإحصاءات', 'Counts'],
  n_documents: ['وثائق', 'documents'],
  n_entities: ['كيانات', 'entities'],
  n_relations: ['علاقات', 'relations'],
  n_events: ['أحداث', 'events'],
  n_quantities: ['أرقام', 'figures'],
  n_dates: ['تواريخ', 'dates'],
  n_claims: ['تصريحات', 'claims'],
  n_disagreements: ['خلافات', 'disagreements'],
  top_entities: ['أكثر الكيانات ذكرًا', 'Most mentioned entities'],
  all_entities: ['كل الكيانات', 'All entities'],
  search_placeholder: ['ابحث في الجمل…', 'Search sentences…'],
  search_text: ['الكلمات', 'Words'],
  filter_entity: ['الكيان', 'Entity'],
  filter_event_type: ['نوع الحدث', 'Event type'],
  filter_outlet: ['المصدر', 'Outlet'],
  filter_from: ['من تاريخ', 'From date'],
  filter_to: ['إلى تاريخ', 'To date'],
  any: ['الكل', 'Any'],
  results: ['النتائج', 'Results'],
  n_results: ['نتيجة', 'results'],
  no_results: ['لا توجد نتائج.', 'No results.'],
  matching_entities: ['كيانات مطابقة', 'Matching entities'],
  prev: ['السابق', 'Previous'],
  next: ['التالي', 'Next'],
  open_doc: ['افتح الوثيقة', 'Open document'],
  entity: ['الكيان', 'Entity'],
  type: ['النوع', 'Type'],
  names: ['الأسماء والصيغ', 'Names and variants'],
  wikidata: ['ويكي بيانات', 'Wikidata'],
  mentions: ['الإشارات', 'Mentions'],
  mentions_in_context: ['الإشارات في سياقها', 'Mentions in context'],
  n_mentions: ['إشارة', 'mentions'],
  in_documents: ['وثيقة', 'documents'],
  relations: ['العلاقات', 'Relations'],
  events: ['الأحداث', 'Events'],
  claims_by: ['تصريحات صادرة عنه', 'Claims by'],
  claims_about: ['تصريحات عنه', 'Claims about'],
  quantities: ['الأرقام', 'Figures'],
  dates: ['التواريخ', 'Dates'],
  claims: ['التصريحات', 'Claims'],
  disagreements: ['الخلافات', 'Disagreements'],
  none: ['لا شيء.', 'None.'],
  subject: ['الطرف الأول', 'Subject'],
  object: ['الطرف الثاني', 'Object'],
  evidence: ['الدليل', 'Evidence'],
  sources_actor: ['الفاعل', 'Source'],
  targets_actor: ['المستهدف', 'Target'],
  location: ['المكان', 'Location'],
  date: ['التاريخ', 'Date'],
  mode: ['الصيغة', 'Mode'],
  speaker: ['المتكلم', 'Speaker'],
  via: ['عبر', 'Via'],
  verb: ['الفعل', 'Verb'],
  content: ['المضمون', 'Content'],
  about: ['عن', 'About'],
  value: ['القيمة', 'Value'],
  unit: ['الوحدة', 'Unit'],
  kind: ['ما يُعدّ', 'Counts'],
  bound: ['الدقة', 'Bound'],
  topic: ['الموضوع', 'Topic'],
  position: ['الموقف', 'Position'],
  summary: ['الخلاصة', 'Summary'],
  document: ['الوثيقة', 'Document'],
  title: ['العنوان', 'Title'],
  outlet: ['المصدر', 'Outlet'],
  published: ['تاريخ النشر', 'Published'],
  bytes: ['الحجم (بايت)', 'Size (bytes)'],
  legend: ['مفتاح الألوان', 'Legend'],
  layers: ['الطبقات', 'Layers'],
  removed: ['محتوى الموقع المحذوف', 'Removed site chrome'],
  removed_reason: ['حُذف لأنه', 'Removed as'],
  event_evidence: ['دليل حدث', 'Event evidence'],
  claim: ['تصريح', 'Claim'],
  quantity: ['رقم', 'Figure'],
  date_mention: ['تاريخ', 'Date'],
  mention: ['إشارة إلى كيان', 'Entity mention'],
  contents: ['المحتويات', 'Contents'],
  details: ['التفاصيل', 'Details'],
  click_span: ['اختر جزءًا مظللًا من النص لرؤية ما استُخرج منه.', 'Choose a highlighted part of the text to see what was extracted from it.'],
  items_here: ['العناصر في هذا الموضع', 'Items at this place'],
  graph_help: [
    'اسحب العُقد لتحريكها، واستخدم عجلة الفأرة للتكبير، واسحب الخلفية للتنقل. انقر على عقدة لفتح صفحة الكيان.',
    'Drag nodes to move them, use the mouse wheel to zoom and drag the background to pan. Click a node to open its entity page.',
  ],
  min_weight: ['أدنى وزن للصلة', 'Minimum edge weight'],
  edge_relation: ['علاقة', 'Relation'],
  edge_event: ['حدث', 'Event'],
  graph_capped: [
    'تُعرض {n} عقدة من {total} (الأكثر ذكرًا)؛ ارفع أدنى وزن للصلة لرؤية غيرها.',
    'Showing {n} of {total} nodes (the most mentioned); raise the minimum edge weight to see others.',
  ],
  node_list: ['قائمة العقد', 'Node list'],
  zoom_in: ['تكبير', 'Zoom in'],
  zoom_out: ['تصغير', 'Zoom out'],
  reset: ['إعادة الضبط', 'Reset'],
  undated: ['بلا تاريخ', 'Undated'],
  undated_note: [
    '{n} من الأحداث بلا تاريخ معروف فلا تظهر هنا؛ تجدها في صفحات الكيانات والوثائق.',
    '{n} events have no known date and are not shown here; they are on the entity and document pages.',
  ],
  year_unknown: ['السنة غير معروفة', 'year unknown'],
  per_day: ['الأحداث في كل يوم', 'Events per day'],
  side_by_side: ['المواقف جنبًا إلى جنب', 'Positions side by side'],
  exports_help: [
    'نزّل الصورة كاملة بصيغ تقرؤها أدوات التحليل.',
    'Download the whole picture in formats analysis tools read.',
  ],
  export_jsonl: ['كائنات الصورة سطرًا سطرًا (JSONL)', 'The picture’s objects, one per line (JSONL)'],
  export_events_csv: ['جدول الأحداث (CSV، أعمدة على طريقة GDELT/ACLED)', 'Events table (CSV, GDELT/ACLED-style columns)'],
  export_entities_csv: ['جدول الكيانات (CSV)', 'Entities table (CSV)'],
  export_graphml: ['الشبكة بصيغة GraphML (Gephi)', 'The graph as GraphML (Gephi)'],
  export_events_parquet: ['الأحداث بصيغة Parquet (DuckDB / pandas)', 'Events as Parquet (DuckDB / pandas)'],
  export_entities_parquet: ['الكيانات بصيغة Parquet', 'Entities as Parquet'],
  api_docs: ['وصف الواجهة البرمجية (OpenAPI)', 'API description (OpenAPI)'],
  filter_name: ['تصفية بالاسم', 'Filter by name'],
  go: ['اذهب', 'Go'],
  sentence: ['الجملة', 'Sentence'],
  mention_of: ['إشارة إلى', 'Mention of'],
  form: ['الصيغة', 'Form'],
  show: ['إظهار', 'Show'],
  more: ['أخرى', 'more'],
  version: ['الإصدار', 'version'],
  footer: ['مرصد — كل عنصر مستشهد به بموضعه في النص.', 'Marsad — every item cited by its place in the text.'],
  valid: ['السريان', 'Valid'],
  figures_this_day: ['أرقام', 'Figures'],
  docs_list: ['كل الوثائق', 'All documents'],
  untitled: ['(بلا عنوان)', '(untitled)'],
};

const TYPES = {
  PER: ['شخص', 'Person'],
  ORG: ['منظمة', 'Organisation'],
  GPE: ['دولة/مدينة', 'State/city'],
  LOC: ['مكان', 'Place'],
  NORP: ['جماعة/جنسية', 'Group/nationality'],
  MISC: ['أخرى', 'Other'],
};

const EVENT_TYPES = {
  AGREE: ['اتفاق', 'Agree'],
  CONSULT: ['تشاور', 'Consult'],
  SUPPORT: ['دعم', 'Support'],
  CONCEDE: ['تنازل', 'Concede'],
  COOPERATE: ['تعاون', 'Cooperate'],
  AID: ['مساعدة', 'Aid'],
  RETREAT: ['انسحاب', 'Retreat'],
  REQUEST: ['طلب', 'Request'],
  ACCUSE: ['اتهام', 'Accuse'],
  REJECT: ['رفض', 'Reject'],
  THREATEN: ['تهديد', 'Threaten'],
  PROTEST: ['احتجاج', 'Protest'],
  SANCTION: ['عقوبات', 'Sanction'],
  MOBILIZE: ['حشد', 'Mobilize'],
  COERCE: ['قمع/اعتقال', 'Coerce'],
  ASSAULT: ['هجوم/قتل', 'Assault'],
};

const MODES = {
  asserted: ['مؤكَّد', 'asserted'],
  reported: ['منقول', 'reported'],
  claimed: ['مُدّعى', 'claimed'],
  hypothetical: ['افتراضي', 'hypothetical'],
  negated: ['منفي', 'negated'],
};

const BOUNDS = {
  exact: ['بالضبط', 'exactly'],
  about: ['نحو', 'about'],
  more_than: ['أكثر من', 'more than'],
  less_than: ['أقل من', 'less than'],
};

const FORMS = {
  name: ['اسم', 'name'],
  adjective: ['نسبة', 'adjective'],
  title: ['لقب', 'title'],
  metonym: ['كناية', 'metonym'],
};

let lang = 'ar';
try {
  if (localStorage.getItem('marsad.lang') === 'en') lang = 'en';
} catch {
  // Storage may be disabled; Arabic stays the default.
}

/** Current interface language: 'ar' or 'en'. */
export function getLang() {
  return lang;
}

/** Switches the interface language and remembers it. */
export function setLang(l) {
  lang = l === 'en' ? 'en' : 'ar';
  try {
    localStorage.setItem('marsad.lang', lang);
  } catch {
    // Not remembered; still switched for this page.
  }
}

const pick = (table, key) => {
  const e = table[key];
  if (!e) return key;
  return lang === 'en' ? e[1] : e[0];
};

/** Interface label. */
export const t = (key) => pick(LABELS, key);
/** Entity type label (PER, ORG, ...). */
export const typeLabel = (ty) => pick(TYPES, ty);
/** PLOVER event type label. */
export const eventLabel = (ty) => pick(EVENT_TYPES, ty);
/** Event mode label. */
export const modeLabel = (m) => pick(MODES, m);
/** Quantity bound label. */
export const boundLabel = (b) => pick(BOUNDS, b);
/** Mention form label (name, adjective, title, metonym). */
export const formLabel = (f) => (f ? pick(FORMS, f) : '—');
/** All PLOVER event types, for the search filter. */
export const EVENT_TYPE_CODES = Object.keys(EVENT_TYPES);
/** All entity types. */
export const ENTITY_TYPE_CODES = Object.keys(TYPES);

/** Formats a number in the interface language. */
export function num(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return String(n);
  return n.toLocaleString(lang === 'en' ? 'en-US' : 'ar-u-nu-latn');
}

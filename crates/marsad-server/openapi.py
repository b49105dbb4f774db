# Generates src/openapi.json (the /openapi.json document): python3 openapi.py > src/openapi.json
# Edit here, regenerate, and keep api::ROUTES and docs/api.md in step (a test checks the routes).
import json
ID_PATTERN = "^[^./\\\\\\s\\x00-\\x1f\\x7f-\\x9f][^/\\\\\\s\\x00-\\x1f\\x7f-\\x9f]{0,199}$"
def ref(n): return {"$ref": f"#/components/schemas/{n}"}
def arr(x): return {"type": "array", "items": x}
S = {"type": "string"}; I = {"type": "integer", "minimum": 0}; N = {"type": "number"}
def nullable(x): return {"oneOf": [x, {"type": "null"}]}
NS = {"type": ["string", "null"]}
def obj(props, required=None, extra=None):
    o = {"type": "object", "properties": props, "required": required if required is not None else list(props)}
    if extra is not None: o["additionalProperties"] = extra
    return o
ENTITY_TYPES = ["PER", "ORG", "GPE", "LOC", "NORP", "MISC"]
PLOVER = ["AGREE","CONSULT","SUPPORT","CONCEDE","COOPERATE","AID","RETREAT","REQUEST","ACCUSE","REJECT","THREATEN","PROTEST","SANCTION","MOBILIZE","COERCE","ASSAULT"]
schemas = {
 "Error": obj({"error": obj({"status": {"type": "integer", "minimum": 400, "maximum": 599}, "message": S})}),
 "Evidence": obj({"doc": S, "start": I, "end": I, "text": S}),
 "Name": obj({"ar": S, "en": NS}),
 "EntityType": {"type": "string", "enum": ENTITY_TYPES},
 "Ref": obj({"name": ref("Name"), "type": ref("EntityType"), "kb": NS}),
 "Refs": {"type": "object", "description": "Entity id → display data, for every entity id the response references.", "additionalProperties": ref("Ref")},
 "Mention": obj({"doc": S, "start": I, "end": I, "text": S, "form": {"type": "string", "enum": ["name", "adjective", "title", "metonym"]}}),
 "Entity": obj({"id": S, "kb": NS, "type": ref("EntityType"), "name": ref("Name"), "aliases": arr(S), "mentions": arr(ref("Mention"))}),
 "Validity": obj({"from": NS, "to": NS}),
 "Relation": obj({"id": S, "type": S, "subject": S, "object": S, "valid": nullable(ref("Validity")), "evidence": arr(ref("Evidence"))}),
 "Event": obj({"id": S, "type": {"type": "string", "description": "PLOVER type: " + ", ".join(PLOVER)}, "subtype": NS,
   "mode": {"type": "string", "enum": ["asserted", "reported", "claimed", "hypothetical", "negated"]},
   "sources": arr(S), "targets": arr(S), "location": NS, "date": NS, "quantities": arr(S), "evidence": arr(ref("Evidence"))}),
 "Quantity": obj({"id": S, "value": N, "unit": NS, "kind": S, "bound": {"type": "string", "enum": ["exact", "about", "more_than", "less_than"]}, "about": arr(S), "evidence": arr(ref("Evidence"))}),
 "DateMention": obj({"id": S, "value": S, "precision": {"type": "string", "enum": ["day", "month", "year"]}, "anchor": NS, "evidence": arr(ref("Evidence"))}),
 "Claim": obj({"id": S, "speaker": NS, "via": NS, "verb": S, "content": ref("Evidence"), "about": arr(S), "evidence": arr(ref("Evidence"))}),
 "Position": obj({"docs": arr(S), "summary": S, "evidence": arr(ref("Evidence"))}),
 "Disagreement": obj({"id": S, "topic": S, "about": arr(S), "positions": arr(ref("Position"))}),
 "RemovedSpan": obj({"start": I, "end": I, "text": S, "reason": S}),
 "Document": obj({"id": S, "source": S, "title": NS, "outlet": NS, "author": NS, "published": NS, "sha256": S, "bytes": I,
   "removed": arr(ref("RemovedSpan")), "warnings": arr(S), "text": S},
   required=["id", "source", "title", "outlet", "author", "published", "sha256", "bytes", "removed", "warnings"]),
 "DocumentSummary": obj({"id": S, "title": NS, "outlet": NS, "published": NS, "bytes": I, "sha256": S}),
 "Health": obj({"status": {"type": "string", "enum": ["ok"]}, "version": I, "documents": I}),
 "Stats": obj({"version": I, "documents": I, "entities": I, "relations": I, "events": I, "quantities": I, "dates": I, "claims": I, "disagreements": I,
   "outlets": arr(obj({"outlet": S, "documents": I})), "published": obj({"from": NS, "to": NS}),
   "event_types": {"type": "object", "additionalProperties": I}, "entity_types": {"type": "object", "additionalProperties": I}}),
 "DocumentList": obj({"total": I, "documents": arr(ref("DocumentSummary"))}),
 "DocMention": obj({"entity": S, "type": ref("EntityType"), "form": {"type": "string", "enum": ["name", "adjective", "title", "metonym"]}, "start": I, "end": I, "text": S}),
 "DocumentPage": obj({"document": ref("Document"), "ingested_at": S, "mentions": arr(ref("DocMention")), "quantities": arr(ref("Quantity")), "dates": arr(ref("DateMention")),
   "events": arr(ref("Event")), "claims": arr(ref("Claim")), "relations": arr(ref("Relation")), "refs": ref("Refs")}),
 "EntitySummary": obj({"id": S, "kb": NS, "type": ref("EntityType"), "name": ref("Name"), "aliases": arr(S), "mentions": I, "documents": I}),
 "EntityList": obj({"total": I, "entities": arr(ref("EntitySummary"))}),
 "Context": obj({"doc": S, "title": NS, "sentence": ref("Evidence"), "mention": ref("Evidence")}),
 "EntityTotals": obj({"mentions": I, "documents": I, "relations": I, "events": I, "claims_by": I, "claims_about": I, "quantities": I, "disagreements": I}),
 "EntityPage": obj({"entity": ref("Entity"), "documents": I,
   "forms": {"type": "object", "description": "Mention counts by form.", "additionalProperties": I},
   "totals": ref("EntityTotals"), "contexts": arr(ref("Context")), "relations": arr(ref("Relation")), "events": arr(ref("Event")),
   "claims_by": arr(ref("Claim")), "claims_about": arr(ref("Claim")), "quantities": arr(ref("Quantity")), "disagreements": arr(ref("Disagreement")), "refs": ref("Refs")}),
 "EventList": obj({"total": I, "events": arr(ref("Event")), "refs": ref("Refs")}),
 "Day": obj({"date": S, "total_events": I, "total_quantities": I, "events": arr(ref("Event")), "quantities": arr(ref("Quantity"))}),
 "Timeline": obj({"days": arr(ref("Day")), "refs": ref("Refs")}),
 "Node": obj({"id": S, "name": ref("Name"), "type": ref("EntityType"), "mentions": I}),
 "Edge": obj({"source": S, "target": S, "kind": {"type": "string", "enum": ["relation", "event"]}, "label": S, "weight": {"type": "integer", "minimum": 1}, "items": arr(S)}),
 "Graph": obj({"nodes": arr(ref("Node")), "edges": arr(ref("Edge")), "total_edges": I}),
 "Disagreements": obj({"disagreements": arr(ref("Disagreement")), "refs": ref("Refs")}),
 "SearchHit": obj({"sentence": ref("Evidence"), "highlights": arr({"type": "array", "items": I, "minItems": 2, "maxItems": 2}), "title": NS, "outlet": NS, "published": NS, "score": N}),
 "SearchResults": obj({"total": I, "hits": arr(ref("SearchHit"))}),
 "IngestDocument": {**obj({"id": {"type": "string", "pattern": ID_PATTERN, "description": "1-200 characters without slashes, backslashes, whitespace or control characters, not starting with '.'"},
   "text": {"type": "string", "minLength": 1}, "title": NS, "outlet": NS, "published": {"type": ["string", "null"], "description": "ISO date or RFC 2822"}, "author": NS, "source": NS},
   required=["id", "text"]), "additionalProperties": False},
 "IngestRequest": {**obj({"documents": {"type": "array", "items": ref("IngestDocument"), "minItems": 1, "maxItems": 10000}}), "additionalProperties": False},
 "Diagnostic": obj({"severity": {"type": "string", "enum": ["warning", "error"]}, "subject": S, "message": S}),
 "IngestReport": obj({"documents": arr({"type": "array", "prefixItems": [S, {"type": "string", "enum": ["added", "unchanged", "replaced"]}], "minItems": 2, "maxItems": 2}),
   "diagnostics": arr(ref("Diagnostic")), "version": I}),
}
def qp(name, schema, desc):
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": desc}
DATE = {"type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"}
def limit(d, mx): return qp("limit", {"type": "integer", "minimum": 1, "maximum": mx, "default": d}, f"Page size (default {d}, at most {mx}).")
def offset(mx=100000): return qp("offset", {"type": "integer", "minimum": 0, "maximum": mx, "default": 0}, "Items to skip.")
FROM = qp("from", DATE, "Earliest date (ISO: YYYY, YYYY-MM or YYYY-MM-DD). Dates match by overlap; a range with from after to matches nothing.")
TO = qp("to", DATE, "Latest date (ISO).")
def err(desc): return {"description": desc, "content": {"application/json": {"schema": ref("Error")}}}
ERRS = {"400": err("Bad request: unknown or malformed parameter, bad id."), "503": err("Timed out or overloaded.")}
def ok(schema, desc="OK"): return {"description": desc, "content": {"application/json": {"schema": ref(schema)}}}
def op(opid, summary, schema, params=(), extra=None, desc=None):
    o = {"operationId": opid, "summary": summary, "parameters": list(params), "responses": {"200": ok(schema), **ERRS}}
    if desc: o["description"] = desc
    if extra: o["responses"].update(extra)
    return o
IDP = {"name": "id", "in": "path", "required": True, "schema": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": ID_PATTERN}}
paths = {
 "/api/health": {"get": op("health", "Liveness, store version and document count.", "Health")},
 "/api/stats": {"get": op("stats", "Counts of every kind of item, outlets, publication date range.", "Stats")},
 "/api/documents": {"get": op("listDocuments", "Stored documents, by publication date then id.", "DocumentList", [limit(100000, 100000), offset()])},
 "/api/documents/{id}": {"get": op("getDocument", "One document with its text and every item extracted from it (offsets index document.text, in bytes).", "DocumentPage", [IDP], {"404": err("No such document.")})},
 "/api/entities": {"get": op("listEntities", "Entities, most mentioned first.", "EntityList", [
    qp("q", {"type": "string", "maxLength": 500}, "Substring of an Arabic (normalised) or English name or alias."),
    qp("type", {"type": "string", "enum": ENTITY_TYPES}, "Entity type."), limit(50, 500), offset()])},
 "/api/entities/{id}": {"get": op("getEntity", "Everything about one entity: mentions in context, relations, events, claims, figures, disagreements.", "EntityPage", [IDP,
    qp("limit", {"type": "integer", "minimum": 0, "maximum": 10000, "default": 500}, "Most items in each list (relations, events, claims, figures, disagreements); totals has the full counts.")],
    {"404": err("No such entity.")})},
 "/api/events": {"get": op("listEvents", "Events in date order (undated last).", "EventList", [
    qp("type", {"type": "string", "maxLength": 500}, "PLOVER type (case-insensitive)."),
    qp("entity", {"type": "string", "pattern": ID_PATTERN, "maxLength": 200}, "Entity id as source, target or location."), FROM, TO, limit(100, 1000), offset()])},
 "/api/timeline": {"get": op("timeline", "Events and figures per day (month or year when that is all the text says).", "Timeline", [FROM, TO,
    qp("per_day", {"type": "integer", "minimum": 0, "maximum": 100000, "default": 100}, "Most events and most figures listed per day (total_events/total_quantities have the full counts).")])},
 "/api/graph": {"get": op("graph", "Actor graph: relations and events (source → target) aggregated into weighted edges.", "Graph", [
    qp("min_weight", {"type": "integer", "minimum": 1, "maximum": 1000000, "default": 1}, "Smallest edge weight kept."), limit(500, 5000)])},
 "/api/disagreements": {"get": op("disagreements", "Where documents contradict each other.", "Disagreements")},
 "/api/search": {"get": op("search", "Arabic-aware full-text search over sentences, with filters.", "SearchResults", [
    qp("q", {"type": "string", "maxLength": 500}, "Words to find (normalised, clitics and light stemming). Empty: filters only."),
    qp("entity", {"type": "string", "pattern": ID_PATTERN, "maxLength": 200}, "Only sentences mentioning this entity id."),
    qp("event_type", {"type": "string", "maxLength": 500}, "Only sentences telling an event of this PLOVER type."),
    qp("outlet", {"type": "string", "maxLength": 500}, "Only documents of this outlet."), FROM, TO, limit(20, 100), offset(10000)])},
 "/api/ingest": {"post": {"operationId": "ingest", "summary": "Add documents (skipping identical ones, replacing changed ids) and rebuild the picture.",
    "description": "The query parameters apply to text/plain bodies only; with a JSON body they are refused (400), since the JSON carries the metadata.",
    "parameters": [qp("id", {"type": "string", "pattern": ID_PATTERN, "maxLength": 200}, "Document id (text/plain bodies only)."),
                   qp("title", {"type": "string", "maxLength": 500}, "Title (text/plain bodies only)."),
                   qp("outlet", {"type": "string", "maxLength": 500}, "Outlet (text/plain bodies only)."),
                   qp("published", {"type": "string", "maxLength": 500}, "Publication date (text/plain bodies only)."),
                   qp("author", {"type": "string", "maxLength": 500}, "Author (text/plain bodies only).")],
    "requestBody": {"required": True, "content": {"application/json": {"schema": ref("IngestRequest")}, "text/plain": {"schema": {"type": "string", "minLength": 1}}}},
    "responses": {"200": ok("IngestReport"), "400": err("Malformed JSON (the message names the field and line), bad id, empty text."),
                  "413": err("Body larger than 8 MiB."), "415": err("Content-Type other than application/json or text/plain."), "503": err("Timed out.")}}},
 "/api/export/{format}": {"get": {"operationId": "export", "summary": "The whole picture as a file (see docs/exports.md).",
    "parameters": [{"name": "format", "in": "path", "required": True, "schema": {"type": "string", "enum": ["jsonl", "events.csv", "entities.csv", "graphml", "events.parquet", "entities.parquet"]}}],
    "responses": {"200": {"description": "The file, as an attachment (Content-Disposition).", "content": {
        "application/x-ndjson": {"schema": {"type": "string"}}, "text/csv": {"schema": {"type": "string"}},
        "application/graphml+xml": {"schema": {"type": "string"}}, "application/vnd.apache.parquet": {"schema": {"type": "string", "contentEncoding": "binary"}}}},
        "404": err("Unknown format."), "503": err("Timed out.")}}},
 "/openapi.json": {"get": {"operationId": "openapi", "summary": "This document.", "parameters": [], "responses": {"200": {"description": "OpenAPI 3.1 document", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
 "/": {"get": {"operationId": "page", "summary": "The web page (embedded in the binary).", "parameters": [], "responses": {"200": {"description": "HTML", "content": {"text/html": {"schema": {"type": "string"}}}}, "304": {"description": "Not modified (ETag)."}}}},
 "/assets/{path}": {"get": {"operationId": "asset", "summary": "A file of the web page (embedded in the binary).",
    "parameters": [{"name": "path", "in": "path", "required": True, "schema": {"type": "string"}}],
    "responses": {"200": {"description": "The file, with its content type and ETag.", "content": {"*/*": {"schema": {"type": "string"}}}}, "304": {"description": "Not modified (ETag)."},
                  "404": err("No such file.")}}},
}
doc = {"openapi": "3.1.0",
 "info": {"title": "Marsad API", "version": "1", "description": "Arabic news intelligence: documents, entities, events, figures, claims and disagreements, every item cited by byte offsets into its document's text. Errors are always JSON: {\"error\": {\"status\", \"message\"}}. See docs/api.md.",
          "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"}},
 "servers": [{"url": "/"}],
 "paths": paths, "components": {"schemas": schemas}}
print(json.dumps(doc, ensure_ascii=False, indent=1))

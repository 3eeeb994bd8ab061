"""The expected findings and verdict of a case: the rules the pipeline must
apply, written independently of it (from the procedure list, items 11.1.1,
11.1.2, 12.7.1 and 12.7.2), so that the truth can judge the pipeline.

Inputs are what the generator knows for certain: the applicant and, for each
document, its fine type, the person it is about, its issue date and its
result/conclusion.  Nothing here looks at printed text.
"""

from people import add_months, age_on

KEY_TYPES = ("birth-certificate", "criminal-record-certificate", "medical-certificate")
EXEMPT_12_7_1 = ("refugee", "asylum", "stateless-over-3-years", "former-citizen")
CRIMINAL_RECORD_MONTHS = 6


def required_types(procedure, age, categories):
    """Document types the procedure requires of this applicant."""
    if procedure in ("11.1.1", "11.1.2"):
        return ["birth-certificate"]
    if procedure in ("12.7.1", "12.7.2"):
        req = []
        if age >= 14:
            exempt = procedure == "12.7.1" and any(c in EXEMPT_12_7_1 for c in categories)
            if not exempt:
                req.append("criminal-record-certificate")
            req.append("medical-certificate")
        return req
    raise ValueError(f"unknown procedure {procedure}")


def named_types(procedure):
    """Checked document types the procedure's list names at all, whoever
    they are required of: only their names are compared with the
    applicant's (another certificate may be a relative's by design)."""
    if procedure in ("11.1.1", "11.1.2"):
        return {"birth-certificate"}
    return {"criminal-record-certificate", "medical-certificate"}


def is_expired(doc_type, procedure, issue, submitted):
    """Issued longer before submission than the procedure allows.  Six
    months run forward from the issue date (as periods in months do): the
    last valid day is the same day number six months on, or that month's
    last day.  Exactly six months before is still valid; a day more is not."""
    if doc_type == "criminal-record-certificate" and procedure in ("12.7.1", "12.7.2"):
        return submitted > add_months(issue, CRIMINAL_RECORD_MONTHS)
    return False


def findings(procedure, submitted, applicant, categories, docs):
    """docs: [(doc_id, Doc, issue_date)] in document order.  Returns
    [(code, doc_type, doc_id or None, severity)] in a stable order."""
    age = age_on(applicant.birth_date, submitted)
    req = required_types(procedure, age, categories)
    out = []
    present = {d.type for _, d, _ in docs}
    for t in req:
        if t not in present:
            out.append(("missing-document", t, None, "error"))
    for did, d, issue in docs:
        if d.type not in KEY_TYPES:
            continue
        if d.type in req and is_expired(d.type, procedure, issue, submitted):
            out.append(("expired", d.type, did, "error"))
        if d.type in named_types(procedure):
            if not d.subject.same_name(applicant):
                out.append(("name-mismatch", d.type, did, "review"))
            if d.subject.birth_date != applicant.birth_date:
                out.append(("birth-date-mismatch", d.type, did, "review"))
        fields = dict(d.fields)
        if fields.get("result") == "found":
            out.append(("criminal-record", d.type, did, "review"))
        if fields.get("conclusion") == "unfit":
            out.append(("health-condition", d.type, did, "review"))
    return out


def verdict(found):
    if any(sev == "error" for _, _, _, sev in found):
        return "incomplete"
    if found:
        return "review"
    return "complete"

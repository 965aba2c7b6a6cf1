"""The form keys and fields of CONTRACT.md, copied by hand so the tests check the code against it.

Each form lists its required fields, then the others (load_default or conditionally required).
"""

FORM_FIELDS = {
    "intake_record": (
        ("source", "received_on", "summary", "recommendation", "recommendation_reason"),
        ("source_ref", "place"),
    ),
    "registration_approval": (
        ("registration_decision", "registration_opinion"),
        ("handler_ids", "cause", "registered_on"),
    ),
    "investigation": (
        ("investigation_summary", "next_step"),
        ("records", "evidence"),
    ),
    "preservation_approval": (
        ("preservation_decision", "preservation_items", "preservation_opinion"),
        (),
    ),
    "preservation_disposal": (("disposal", "disposal_on"), ("disposal_note",)),
    "investigation_conclusion": (
        (
            "facts",
            "evidence_summary",
            "violation_code",
            "articles_violated",
            "penalty_basis",
            "proposal",
        ),
        (
            "illegal_income",
            "months_practising",
            "patient_harm",
            "prior_penalties",
            "is_health_professional",
            "invasive_acts",
            "mitigating",
            "no_penalty_ground",
            "penalty_types",
            "fine_amount",
            "confiscation_amount",
            "discretion_tier",
            "discretion_reason",
            "major_case",
            "complex_case",
            "major_public_interest",
        ),
    ),
    "conclusion_review": (("conclusion_review_result",), ("conclusion_review_opinion",)),
    "deliberation": (
        ("deliberation_participants", "deliberation_opinion", "deliberation_result"),
        (),
    ),
    "legal_review": (("legal_review_result", "legal_review_opinion"), ("legal_review_items",)),
    "collective_discussion": (
        ("discussion_participants", "discussion_conclusion", "discussion_result"),
        (),
    ),
    "advance_notice": (("notice_served_on", "notice_service_method"), ()),
    "party_response": (("party_response",), ("response_received_on",)),
    "statement_review": (
        ("statement_content", "review_opinion"),
        ("statement_adopted", "penalty_changed", "revised_fine_amount"),
    ),
    "hearing_notice": (
        ("presider_id", "hearing_notified_on", "hearing_date", "hearing_place"),
        ("hearing_public",),
    ),
    "hearing": (
        ("hearing_held_on", "party_attended", "hearing_record_summary", "hearing_opinion"),
        (),
    ),
    "decision_approval": (("decision_result", "decision_opinion"), ("decided_on",)),
    "service": (("served_on", "service_method", "recipient"), ()),
    "execution": (("execution_result",), ("paid_on", "paid_amount", "voucher_no")),
    "deferral_approval": (
        ("deferral_decision", "deferral_opinion"),
        ("deferral_until", "instalments"),
    ),
    "demand_letter": (("demand_served_on", "demand_result"), ()),
    "enforcement_application": (("applied_on", "court"), ("application_note",)),
    "no_penalty_decision": (("no_penalty_result", "no_penalty_reason"), ()),
    "closure_report": (("closure_reason", "closure_summary"), ()),
    "closure_approval": (("closure_result", "closure_opinion"), ()),
    "transfer_report": (
        ("task_force_ids", "suspected_crime", "transfer_grounds", "report_summary"),
        ("seized_items",),
    ),
    "transfer_decision": (("transfer_decision", "transfer_decision_reason"), ()),
    "transfer_to_police": (("police_agency", "transferred_on", "receipt_no"), ()),
    "police_decision": (("police_decision", "police_decision_on"), ("police_reason",)),
    "police_follow_up": (("follow_up_action", "follow_up_on"), ("follow_up_note",)),
    "refusal_follow_up": (("follow_up",), ()),
    "reconsideration": (("reconsideration_requested_on", "reconsideration_result"), ()),
    "transfer_out_draft": (
        ("receiving_agency_type", "receiving_agency_name", "transfer_reason"),
        ("materials",),
    ),
    "transfer_out_approval": (("transfer_out_decision", "transfer_out_opinion"), ()),
    "transfer_out_receipt": (("receipt_on", "receiver"), ("receiving_note",)),
    "onsite_decision": (
        (
            "officer_ids",
            "decided_on",
            "place",
            "facts",
            "violation_code",
            "articles",
            "penalty_type",
            "party_signed",
        ),
        ("fine_amount", "refusal_note", "payment_manner"),
    ),
    "payment_record": (("paid_on", "paid_amount", "receipt_no"), ("cash_handed_in_on",)),
    "summary_filing": (("filed_on",), ("filing_note",)),
    "filing_acknowledgement": (("filing_result", "filing_opinion"), ()),
    "complaint_acceptance": (("acceptance_decision", "acceptance_reason"), ()),
    "complaint_verification": (
        ("verified_on", "officer_ids", "verification_findings", "verification_result"),
        ("violation_code",),
    ),
    "complaint_review": (("review_result", "review_opinion"), ()),
    "complaint_case_opening": (
        ("party_kind", "party_name", "violation_code", "facts"),
        ("party_id_number", "party_credit_code", "party_legal_representative", "party_address", "place"),
    ),
    "complaint_transfer": (
        ("receiving_agency_type", "receiving_agency_name", "transferred_on", "transfer_reason"),
        ("letter_no",),
    ),
    "complaint_feedback": (("feedback_on", "feedback_method", "feedback_content"), ("reporter_opinion",)),
}


def required_fields(form_key):
    """Return the fields the contract marks as plainly required for form_key."""
    return FORM_FIELDS[form_key][0]


def all_fields(form_key):
    """Return every field the contract lists for form_key."""
    required, others = FORM_FIELDS[form_key]
    return required + others

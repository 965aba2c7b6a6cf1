"""Task forms of every procedure, looked up by the formKey a BPMN user task names.

Forms take and return plain data: load() validates an officer's input into Python values,
dump() turns them back into the JSON-safe data the workflow stores.
"""

from forms import complaint, criminal_transfer, penalty, summary, transfer_out
from forms.describe import describe_schema

FORMS = {
    **penalty.FORMS,
    **criminal_transfer.FORMS,
    **transfer_out.FORMS,
    **summary.FORMS,
    **complaint.FORMS,
}


def get_form(form_key):
    """Return a new schema instance for form_key."""
    try:
        schema_class = FORMS[form_key]
    except KeyError:
        raise KeyError(f"unknown form key {form_key!r}; known keys: {', '.join(FORMS)}") from None
    return schema_class()


def describe_form(form_key):
    """Describe the fields of form_key as JSON-able dicts, in the order the form shows them."""
    return describe_schema(get_form(form_key))

"""A salary range as a sentence of the visitor's language: "$55,000–$65,000 a year",
"55 000 $ à 65 000 $ par année".

The numbers follow Django's format of the language (grouping, decimal separator); the
symbol's place, the range's words and the unit are translatable strings, so a translator
writes "%(amount)s $" and "%(minimum)s à %(maximum)s %(unit)s" for French. Imports neither
the models nor the database.
"""

from decimal import Decimal

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import pgettext

# The currencies written with a symbol (translatable: "US$" is "$ US" in French); any
# other is written with its ISO 4217 code.
SYMBOLS = {
    "CAD": lambda: pgettext("currency symbol of the Canadian dollar", "$"),
    "USD": lambda: pgettext("currency symbol of the US dollar", "US$"),
}

# After the amount, per schema.org unitText (models.SalaryUnit).
UNITS = {
    "HOUR": lambda: pgettext("salary", "an hour"),
    "DAY": lambda: pgettext("salary", "a day"),
    "WEEK": lambda: pgettext("salary", "a week"),
    "MONTH": lambda: pgettext("salary", "a month"),
    "YEAR": lambda: pgettext("salary", "a year"),
}


def format_amount(value, currency):
    """``value`` (a number) in ``currency``, in the active language: "$55,000", "55 000 $",
    "EUR 1,234.50". Decimals only when the amount is not whole."""
    value = Decimal(value)
    if value == value.to_integral_value():
        number = number_format(int(value), use_l10n=True, force_grouping=True)
    else:
        number = number_format(value, 2, use_l10n=True, force_grouping=True)
    currency = (currency or "").upper()
    symbol = SYMBOLS.get(currency)
    if symbol is not None:
        return pgettext("salary amount with a currency symbol", "%(symbol)s%(amount)s") % {
            "symbol": symbol(),
            "amount": number,
        }
    return pgettext("salary amount with a currency code", "%(code)s %(amount)s") % {
        "code": currency,
        "amount": number,
    }


def format_salary(minimum, maximum, currency, unit, language):
    """The salary range in ``language``; ``""`` when neither bound is given.

    Only a minimum: "From $55,000 a year"; only a maximum: "Up to $65,000 a year"; equal
    bounds: "$55,000 a year". An unknown ``unit`` is left out."""
    if minimum is None and maximum is None:
        return ""
    with translation.override(language):
        unit_text = UNITS[unit]() if unit in UNITS else ""
        if minimum is not None and maximum is not None and minimum != maximum:
            text = pgettext("salary range", "%(minimum)s–%(maximum)s %(unit)s") % {
                "minimum": format_amount(minimum, currency),
                "maximum": format_amount(maximum, currency),
                "unit": unit_text,
            }
        elif maximum is None:
            text = pgettext("salary with only a minimum", "From %(minimum)s %(unit)s") % {
                "minimum": format_amount(minimum, currency),
                "unit": unit_text,
            }
        elif minimum is None:
            text = pgettext("salary with only a maximum", "Up to %(maximum)s %(unit)s") % {
                "maximum": format_amount(maximum, currency),
                "unit": unit_text,
            }
        else:
            text = pgettext("salary of one amount", "%(amount)s %(unit)s") % {
                "amount": format_amount(minimum, currency),
                "unit": unit_text,
            }
    return text.strip()

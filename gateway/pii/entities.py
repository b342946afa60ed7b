"""Entity type names (kept free of Presidio imports so the policy schema loads fast)."""

SECRET_ENTITIES: tuple[str, ...] = (
    "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "AWS_ACCESS_KEY", "GITHUB_TOKEN", "PRIVATE_KEY", "JWT", "BEARER_TOKEN",
    "SLACK_TOKEN", "STRIPE_KEY", "GOOGLE_API_KEY", "GITLAB_TOKEN", "HUGGINGFACE_TOKEN", "URL_CREDENTIALS",
)
# Entities the offline (no-op NLP) analyzer finds with Presidio's pattern recognizers.
PATTERN_ENTITIES: tuple[str, ...] = (
    "CREDIT_CARD", "CRYPTO", "DATE_TIME", "EMAIL_ADDRESS", "IBAN_CODE", "IP_ADDRESS",
    "MAC_ADDRESS", "MEDICAL_LICENSE", "PHONE_NUMBER", "UK_NHS", "URL", "US_BANK_NUMBER",
    "US_DRIVER_LICENSE", "US_ITIN", "US_PASSPORT", "US_SSN", "UUID",
)
# Entities that need a trained NER model (opt-in through `ner_model`).
NER_ENTITIES: tuple[str, ...] = ("PERSON", "LOCATION", "ORGANIZATION", "NRP")

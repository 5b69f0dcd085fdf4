"""News agencies, nouns naming a media outlet, and the social networks news cites."""

from __future__ import annotations

from .word_blocks import names

NEWS_AGENCIES = names(
    """
    Reuters
    Associated Press
    AP
    AFP
    Agence France-Presse
    TASS
    Tass
    RIA Novosti
    Interfax
    Xinhua
    Bloomberg
    dpa
    ANSA
    EFE
    Kyodo
    Yonhap
    PTI
    Press Trust of India
    IRNA
    Anadolu
    UPI
    United Press International
    """
)

# Lower-case nouns naming a media outlet: "broadcaster Almasar", "the news agency Amaq".
MEDIA_NOUNS = names(
    """
    agency
    broadcaster
    channel
    daily
    magazine
    network
    newspaper
    outlet
    station
    tabloid
    website
    """
)

# Social networks news cites as where something was said: "he wrote on X".
SOCIAL_PLATFORMS = frozenset(
    {
        "X",
        "Telegram",
        "Facebook",
        "Instagram",
        "TikTok",
        "YouTube",
        "Twitter",
        "Weibo",
        "WhatsApp",
        "Threads",
        "Bluesky",
        "VKontakte",
    }
)

# Lower-case words after an outlet's name that describe it and are not part of it:
# "Kyodo news agency", "Yonhap news agency", "the IRNA news agency".
MEDIA_DESCRIPTORS = MEDIA_NOUNS | names("news")

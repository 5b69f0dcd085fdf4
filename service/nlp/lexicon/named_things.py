"""Words that make a name a venue's, an event's or a weapon's, and capitalised
words that name nothing (time zones, programmes)."""

from __future__ import annotations

from .word_blocks import names

# Final words of the places the injured and the dead are taken to: where an incident's
# aftermath is, rarely the incident itself.
CARE_FACILITY_HEADS = names(
    """
    Clinic
    Health Centre
    Health Center
    Hospital
    Infirmary
    Medical Center
    Medical Centre
    Morgue
    Mortuary
    """
)

# Final words of a venue or building name.
FACILITY_HEADS = CARE_FACILITY_HEADS | names(
    """
    Airport
    Arena
    Auditorium
    Base
    Bridge
    Building
    Cathedral
    Church
    City Hall
    Convention Center
    Convention Centre
    Hall
    Hotel
    Mall
    Mosque
    Museum
    Palace
    Plaza
    Prison
    Shopping Center
    Shopping Centre
    Sports Centre
    Square
    Stadium
    Station
    Synagogue
    Temple
    Terminal
    Trade Center
    Theater
    Theatre
    Tower
    Towers
    """
)

# Lower-case nouns that make the name before them a facility's: "Raghunathpur railroad
# station", "Londiani junction", "the Kloof mine", "the Lagos-Ibadan expressway".
FACILITY_NOUNS = FACILITY_HEADS | names(
    """
    checkpoint
    dam
    expressway
    highway
    interchange
    junction
    mine
    motorway
    refinery
    roundabout
    """
)

# Final words of a named event (sports events, storms, wars).
EVENT_HEADS = names(
    """
    Championship
    Championships
    Cup
    Festival
    Games
    Grand Prix
    Marathon
    Olympics
    Open
    Opens
    Slam
    Slams
    Summit
    War
    """
)

# First words of a named storm: "Storm Daniel", "Hurricane Katrina".
EVENT_PREFIXES = names(
    """
    Cyclone
    Hurricane
    Storm
    Tropical Storm
    Typhoon
    """
)

# Head nouns of a noun phrase naming a weapon or vehicle model, so that
# "Iskander missiles" or "Shahed drones" make the name a product.
WEAPON_NOUNS = names(
    """
    aircraft
    bomb
    bomber
    drone
    fighter
    helicopter
    howitzer
    jet
    launcher
    missile
    rifle
    rocket
    submarine
    tank
    warplane
    warship
    """
)

# Lower-case colours that describe a vehicle before its make and model, as police
# appeals and crash reports do: "a white Hyundai i20", "a silver Toyota Corolla".
VEHICLE_COLOURS = names(
    """
    beige
    black
    blue
    brown
    gold
    gray
    green
    grey
    maroon
    orange
    purple
    red
    silver
    white
    yellow
    """
)

# Capitalised tokens the small model tags as organisations but that name
# time zones, programmes or generic terms.
NON_ENTITIES = names(
    """
    GMT
    UTC
    EST
    EDT
    CST
    CDT
    PST
    PDT
    CET
    CEST
    BST
    Medicaid
    Medicare
    """
)

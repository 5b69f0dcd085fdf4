"""Words that name an incident: by kind, for grouping reports of one incident
(`nlp/incidents.py`), and as the nouns a brief names the incident with
(`nlp/summary/incident_brief.py`)."""

from __future__ import annotations

from .word_blocks import words

# The taxonomy of incident kinds, by the nouns that name each ("a suicide bombing",
# "twin blasts"), as lemmas. The order of kinds breaks ties in labels. A generic
# "crash" becomes a road, rail or air crash by the vehicles its report names.
INCIDENT_NOUNS = {
    "shooting": words("shooting"),
    "bombing": words("bombing"),
    "attack": words(
        """
        airstrike ambush assault attack hijacking massacre rampage shelling siege stabbing
        """
    ),
    "explosion": words("blast explosion"),
    "fire": words("blaze fire inferno wildfire"),
    "flood": words("flood flooding"),
    "storm": words("cyclone hurricane storm tornado typhoon"),
    "earthquake": words("aftershock earthquake quake temblor tremor tsunami"),
    "crash": words("collision crash"),
    "rail crash": words("derailment"),
    "landslide": words("avalanche landslide mudslide"),
    "collapse": words("collapse"),
    "stampede": words("stampede"),
    "sinking": words("capsize capsizing shipwreck sinking"),
    "eruption": words("eruption"),
}
# Other words reports use for each kind: plurals, verbs, the people and weapons.
KIND_FORMS = {
    "shooting": words("gunfire gunman gunmen gunshot gunshots shooter shooters shootings"),
    "bombing": words("bomb bombed bomber bombers bombings bombs"),
    "attack": words(
        """
        airstrikes ambushed attacked attacker attackers attacks drone drones hostages
        missile missiles stabbed terror terrorist terrorists
        """
    ),
    "explosion": words("blasts exploded explosions"),
    "fire": words("blazes fires wildfires"),
    "flood": words("flooded floods floodwaters"),
    "storm": words("storms tornadoes"),
    "earthquake": words("earthquakes quakes"),
    "crash": words("collided crashed crashes overturned plunged"),
    "rail crash": words("derailed"),
    "landslide": words("landslides mudslides"),
    "collapse": words("collapsed"),
    "sinking": words("capsized sank"),
    "eruption": words("erupted volcano"),
}
KIND_WORDS = {
    kind: nouns | KIND_FORMS.get(kind, frozenset()) for kind, nouns in INCIDENT_NOUNS.items()
}
# Nouns after "fire" that make it those who fight fires, not a fire: "the fire brigade".
FIRE_SERVICE_NOUNS = words(
    """
    brigade brigades chief crew crews department departments engine engines fighter
    fighters officer officers service services station stations tender tenders truck trucks
    """
)
# Words of an incident of no kind that, with a vehicle named, are a crash ("a bus accident").
ACCIDENT_WORDS = words("accident accidents mishap")
# The vehicles that make a "crash" a road, rail or air crash (the first one named).
CRASH_VEHICLES = {
    "road crash": words(
        """
        bus buses car cars coaster lorry matatu minibus motorcycle motorbike pickup taxi
        tanker tractor trailer truck trucks van vehicle vehicles
        """
    ),
    "rail crash": words("carriage carriages locomotive rail railway train trains tram"),
    "air crash": words("aircraft airliner airplane helicopter jet plane"),
}
# Kinds one incident is reported as: a bombing is "explosions" in one report and an
# "attack" in the next; Storm Daniel's toll is a flood's toll; a level-crossing
# collision is a bus crash to one outlet and a train crash to another.
KIND_FAMILIES = {
    "shooting": "attack",
    "bombing": "attack",
    "explosion": "attack",
    "flood": "weather",
    "storm": "weather",
    "landslide": "weather",
    "road crash": "crash",
    "rail crash": "crash",
    "air crash": "crash",
}

# Nouns that name an incident of no kind the events group by.
OTHER_INCIDENT_NOUNS = words(
    """
    accident clash heatwave leak outbreak raid riot spill strike
    """
)
# Lead sentences name the incident with one of these nouns.
EVENT_NOUNS = frozenset().union(*INCIDENT_NOUNS.values()) | OTHER_INCIDENT_NOUNS

# Who carried out an attack ("the gunman", "a suicide bomber").
ATTACKERS = words(
    """
    assailant attacker bomber gunman gunmen hijacker insurgent perpetrator shooter
    suspect terrorist
    """
)
# Attackers are counted, but they are not the event's casualties.
ATTACKER_NOUNS = ATTACKERS | words(
    """
    assailants attackers bombers hijackers insurgents militants perpetrators shooters
    suspects terrorists
    """
)
# Who did it and what became of them: "officers fatally shot the gunman", "suspects detained".
PERPETRATOR_NOUNS = ATTACKERS | words("culprit killer militant")

# Nouns an article refers to any incident by, its own or another.
INCIDENT_REFERENCE_NOUNS = EVENT_NOUNS | words("disaster incident mishap tragedy")
# Words that mark an incident as another one than the article's news: "a previous
# crash", "another fire", "a similar attack", "a separate blast", "the last quake".
# Determiners that point back at an incident already told: "in that accident".
DISTAL_DETERMINERS = words("that those")
# Verbs by which the news is set after another incident: "The fire came days after ...".
COMING_AFTER_VERBS = words("come follow")
# Time nouns: "the same day" is a time, not a place another incident shares.
TIME_NOUNS = words("day week month year night morning afternoon evening time period season")
OTHER_INCIDENT_MARKERS = words(
    "another earlier last past preceding previous prior separate similar"
)

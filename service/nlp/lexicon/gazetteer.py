"""Places: countries, capitals and large cities, first-level regions, and the
demonyms that go with them (the names a news story is filed from or about)."""

from __future__ import annotations

from .word_blocks import names

COUNTRIES = names(
    """
    Afghanistan
    Albania
    Algeria
    Andorra
    Angola
    Argentina
    Armenia
    Australia
    Austria
    Azerbaijan
    Bahamas
    Bahrain
    Bangladesh
    Barbados
    Belarus
    Belgium
    Belize
    Benin
    Bhutan
    Bolivia
    Bosnia
    Botswana
    Brazil
    Britain
    Brunei
    Bulgaria
    Burkina Faso
    Burundi
    Cambodia
    Cameroon
    Canada
    Cape Verde
    Central African Republic
    Chad
    Chile
    China
    Colombia
    Comoros
    Congo
    Costa Rica
    Croatia
    Cuba
    Cyprus
    Czech Republic
    Czechia
    Denmark
    Djibouti
    Dominican Republic
    Ecuador
    Egypt
    El Salvador
    England
    Equatorial Guinea
    Eritrea
    Estonia
    Eswatini
    Ethiopia
    Fiji
    Finland
    France
    Gabon
    Gambia
    Georgia
    Germany
    Ghana
    Greece
    Guatemala
    Guinea
    Guinea-Bissau
    Guyana
    Haiti
    Honduras
    Hungary
    Iceland
    India
    Indonesia
    Iran
    Iraq
    Ireland
    Israel
    Italy
    Ivory Coast
    Jamaica
    Japan
    Jordan
    Kazakhstan
    Kenya
    Kosovo
    Kuwait
    Kyrgyzstan
    Laos
    Latvia
    Lebanon
    Lesotho
    Liberia
    Libya
    Liechtenstein
    Lithuania
    Luxembourg
    Madagascar
    Malawi
    Malaysia
    Maldives
    Mali
    Malta
    Mauritania
    Mauritius
    Mexico
    Moldova
    Monaco
    Mongolia
    Montenegro
    Morocco
    Mozambique
    Myanmar
    Namibia
    Nepal
    Netherlands
    New Zealand
    Nicaragua
    Niger
    Nigeria
    North Korea
    North Macedonia
    Norway
    Oman
    Pakistan
    Palestine
    Panama
    Papua New Guinea
    Paraguay
    Peru
    Philippines
    Poland
    Portugal
    Qatar
    Romania
    Russia
    Rwanda
    Samoa
    San Marino
    Saudi Arabia
    Scotland
    Senegal
    Serbia
    Seychelles
    Sierra Leone
    Singapore
    Slovakia
    Slovenia
    Solomon Islands
    Somalia
    South Africa
    South Korea
    South Sudan
    Spain
    Sri Lanka
    Sudan
    Suriname
    Sweden
    Switzerland
    Syria
    Taiwan
    Tajikistan
    Tanzania
    Thailand
    Timor-Leste
    Togo
    Tonga
    Trinidad and Tobago
    Tunisia
    Turkey
    Turkmenistan
    Uganda
    Ukraine
    United Arab Emirates
    United Kingdom
    United States
    Uruguay
    Uzbekistan
    Vanuatu
    Venezuela
    Vietnam
    Wales
    Yemen
    Zambia
    Zimbabwe
    """
)

# Capitals and a few very large cities: the small model misses or mislabels
# them when they stand alone as the subject of a sentence ("Kyiv denied ...").
CITIES = names(
    """
    Abu Dhabi
    Amman
    Ankara
    Athens
    Baghdad
    Bangkok
    Beijing
    Beirut
    Berlin
    Brussels
    Buenos Aires
    Cairo
    Damascus
    Delhi
    Doha
    Dubai
    Geneva
    Islamabad
    Istanbul
    Jakarta
    Jerusalem
    Kabul
    Karachi
    Khartoum
    Kyiv
    Kiev
    Lagos
    Lisbon
    London
    Madrid
    Manila
    Mexico City
    Minsk
    Moscow
    Mumbai
    Nairobi
    New Delhi
    Paris
    Rome
    Seoul
    Shanghai
    Sydney
    Tehran
    Tokyo
    Vienna
    Warsaw
    Washington
    """
)

# States and provinces of the federations news reports most: first-level
# regions the small model often types PERSON or ORG ("Tamil Nadu said ...").
REGIONS = names(
    """
    Alabama
    Alaska
    Arizona
    Arkansas
    California
    Colorado
    Connecticut
    Delaware
    Florida
    Hawaii
    Idaho
    Illinois
    Indiana
    Iowa
    Kansas
    Kentucky
    Louisiana
    Maine
    Maryland
    Massachusetts
    Michigan
    Minnesota
    Mississippi
    Missouri
    Montana
    Nebraska
    Nevada
    New Hampshire
    New Jersey
    New Mexico
    North Carolina
    North Dakota
    Ohio
    Oklahoma
    Oregon
    Pennsylvania
    Rhode Island
    South Carolina
    South Dakota
    Tennessee
    Texas
    Utah
    Vermont
    Virginia
    West Virginia
    Wisconsin
    Wyoming
    Andhra Pradesh
    Arunachal Pradesh
    Assam
    Bihar
    Chhattisgarh
    Goa
    Gujarat
    Haryana
    Himachal Pradesh
    Jharkhand
    Karnataka
    Kerala
    Madhya Pradesh
    Maharashtra
    Manipur
    Meghalaya
    Mizoram
    Nagaland
    Odisha
    Punjab
    Rajasthan
    Sikkim
    Tamil Nadu
    Telangana
    Tripura
    Uttar Pradesh
    Uttarakhand
    West Bengal
    Alberta
    British Columbia
    Manitoba
    New Brunswick
    Newfoundland and Labrador
    Nova Scotia
    Ontario
    Quebec
    Saskatchewan
    New South Wales
    Queensland
    South Australia
    Tasmania
    Western Australia
    Balochistan
    Khyber Pakhtunkhwa
    Sindh
    """
)

DEMONYMS = names(
    """
    Afghan
    African
    Albanian
    Algerian
    American
    Arab
    Argentine
    Argentinian
    Armenian
    Australian
    Austrian
    Azerbaijani
    Bangladeshi
    Belarusian
    Belgian
    Bolivian
    Bosnian
    Brazilian
    British
    Bulgarian
    Burmese
    Cambodian
    Cameroonian
    Canadian
    Chechen
    Chilean
    Chinese
    Christian
    Colombian
    Congolese
    Croatian
    Cuban
    Cypriot
    Czech
    Danish
    Dutch
    Ecuadorian
    Egyptian
    Emirati
    Eritrean
    Estonian
    Ethiopian
    European
    Filipino
    Finnish
    French
    German
    Ghanaian
    Greek
    Guatemalan
    Haitian
    Hungarian
    Indian
    Indonesian
    Iranian
    Iraqi
    Irish
    Israeli
    Italian
    Jamaican
    Japanese
    Jewish
    Jordanian
    Kazakh
    Kenyan
    Korean
    Kuwaiti
    Latvian
    Lebanese
    Libyan
    Lithuanian
    Malaysian
    Malian
    Mexican
    Moldovan
    Mongolian
    Moroccan
    Mozambican
    Muslim
    Nepalese
    Nepali
    Nigerian
    Norwegian
    Pakistani
    Palestinian
    Peruvian
    Polish
    Portuguese
    Qatari
    Romanian
    Russian
    Rwandan
    Saudi
    Senegalese
    Serbian
    Singaporean
    Slovak
    Slovenian
    Somali
    Spanish
    Sudanese
    Swedish
    Swiss
    Syrian
    Taiwanese
    Tajik
    Tanzanian
    Thai
    Tunisian
    Turkish
    Ugandan
    Ukrainian
    Uruguayan
    Uzbek
    Venezuelan
    Vietnamese
    Western
    Yemeni
    Zambian
    Zimbabwean
    """
)

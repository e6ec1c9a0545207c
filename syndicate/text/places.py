"""Cities that news datelines name: the world's capitals and the large cities that file news.

A dateline written as a bare word and a colon or a dash ("Beirut: The army said ...", "Kabul - A bomb
...") is told from a label ("Claim: ...", "Update: ...") or a subject with an aside ("Iran - Opec's
second-biggest producer - has ...") by the place itself: only these names make one. Countries are not
here on purpose: a country opening a sentence is far more often its subject.
"""

from __future__ import annotations

__all__ = ["AMBIGUOUS_CITIES", "DATELINE_CITIES"]

DATELINE_CITIES: tuple[str, ...] = (
    # capitals
    "Abu Dhabi", "Abuja", "Accra", "Addis Ababa", "Algiers", "Amman", "Amsterdam", "Ankara", "Antananarivo",
    "Apia", "Ashgabat", "Asmara", "Astana", "Asuncion", "Asunción", "Athens", "Baghdad", "Baku", "Bamako",
    "Bangkok", "Bangui", "Banjul", "Basseterre", "Beijing", "Beirut", "Belgrade", "Belmopan", "Berlin",
    "Bern", "Bishkek", "Bissau", "Bogota", "Bogotá", "Brasilia", "Brasília", "Bratislava", "Brazzaville",
    "Bridgetown", "Brussels", "Bucharest", "Budapest", "Buenos Aires", "Bujumbura", "Cairo", "Canberra",
    "Caracas", "Castries", "Chisinau", "Colombo", "Conakry", "Copenhagen", "Dakar", "Damascus", "Dhaka",
    "Dili", "Djibouti", "Dodoma", "Doha", "Dublin", "Dushanbe", "Freetown", "Gaborone", "Georgetown",
    "Gitega", "Guatemala City", "Hanoi", "Harare", "Havana", "Helsinki", "Honiara", "Islamabad", "Jakarta",
    "Jerusalem", "Juba", "Kabul", "Kampala", "Kathmandu", "Khartoum", "Kiev", "Kigali", "Kingston",
    "Kinshasa", "Kuala Lumpur", "Kuwait City", "Kyiv", "La Paz", "Libreville", "Lilongwe", "Lima", "Lisbon",
    "Ljubljana", "Lome", "Lomé", "London", "Luanda", "Lusaka", "Luxembourg", "Madrid", "Majuro", "Malabo",
    "Male", "Managua", "Manama", "Manila", "Maputo", "Maseru", "Mbabane", "Mexico City", "Minsk",
    "Mogadishu", "Monaco", "Monrovia", "Montevideo", "Moroni", "Moscow", "Muscat", "Nairobi", "Nassau",
    "Naypyidaw", "N'Djamena", "New Delhi", "Niamey", "Nicosia", "Nouakchott", "Nuku'alofa", "Oslo",
    "Ottawa", "Ouagadougou", "Panama City", "Paramaribo", "Paris", "Phnom Penh", "Podgorica", "Port Louis",
    "Port Moresby", "Port of Spain", "Port-au-Prince", "Porto-Novo", "Prague", "Praia", "Pretoria",
    "Pristina", "Pyongyang", "Quito", "Rabat", "Ramallah", "Reykjavik", "Riga", "Riyadh", "Rome", "Roseau",
    "San Jose", "San José", "San Marino", "San Salvador", "Sana'a", "Sanaa", "Santiago", "Santo Domingo",
    "Sarajevo", "Seoul", "Singapore", "Skopje", "Sofia", "Stockholm", "Suva", "Taipei", "Tallinn",
    "Tashkent", "Tbilisi", "Tegucigalpa", "Tehran", "Thimphu", "Tirana", "Tokyo", "Tripoli", "Tunis",
    "Ulaanbaatar", "Vaduz", "Valletta", "Victoria", "Vienna", "Vientiane", "Vilnius", "Warsaw",
    "Washington", "Wellington", "Windhoek", "Yaounde", "Yaoundé", "Yerevan", "Zagreb",
    # large cities that file news
    "Aleppo", "Alexandria", "Atlanta", "Auckland", "Bangalore", "Barcelona", "Basra", "Benghazi", "Boston",
    "Brisbane", "Calgary", "Cape Town", "Chennai", "Chicago", "Dallas", "Denver", "Detroit", "Dubai",
    "Durban", "Edinburgh", "Erbil", "Frankfurt", "Gaza", "Gaza City", "Geneva", "Glasgow", "Guangzhou",
    "Hamburg", "Ho Chi Minh City", "Hong Kong", "Houston", "Hyderabad", "Istanbul", "Jaipur", "Jeddah",
    "Johannesburg", "Karachi", "Kandahar", "Kano", "Kolkata", "Lagos", "Lahore", "Las Vegas", "Los Angeles",
    "Lucknow", "Lyon", "Manchester", "Marseille", "Mecca", "Melbourne", "Miami", "Milan", "Montreal",
    "Mosul", "Mumbai", "Munich", "Naples", "New York", "Osaka", "Perth", "Peshawar", "Philadelphia",
    "Phoenix", "Quetta", "Rio de Janeiro", "San Francisco", "Sao Paulo", "São Paulo", "Seattle", "Shanghai",
    "Shenzhen", "Srinagar", "St Petersburg", "St. Petersburg", "Sydney", "Tel Aviv", "Tikrit", "Toronto",
    "Vancouver", "Yangon", "Zurich",
)  # fmt: skip

#: Names that are as often a person, a state, a team or a word ("Victoria - Australia's second most
#: populous state - ...", "Phoenix: The bird that rises ..."): datelines only when set in capitals.
AMBIGUOUS_CITIES: frozenset[str] = frozenset(
    {
        "Victoria", "Phoenix", "Male", "Georgetown", "Kingston", "Santiago", "Lima", "Nassau", "Sofia",
        "Praia", "Roseau", "Monaco", "Luxembourg",
    }
)  # fmt: skip

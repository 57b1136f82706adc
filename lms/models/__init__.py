from .cooperatives import Balai, Cooperative, CooperativeKind
from .outbox import OwedWork
from .privacy import PersonalDataAccess
from .regions import District, Province, Regency, TimeZone, Village
from .users import Position, Role, User

__all__ = [
    "Balai",
    "Cooperative",
    "CooperativeKind",
    "District",
    "OwedWork",
    "PersonalDataAccess",
    "Position",
    "Province",
    "Regency",
    "Role",
    "TimeZone",
    "User",
    "Village",
]

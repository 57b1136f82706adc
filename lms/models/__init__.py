from .cooperatives import Balai, Cooperative, CooperativeKind
from .regions import District, Province, Regency, Village
from .users import Position, Role, User

__all__ = [
    "Balai",
    "Cooperative",
    "CooperativeKind",
    "District",
    "Position",
    "Province",
    "Regency",
    "Role",
    "User",
    "Village",
]

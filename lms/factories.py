"""Factories for the platform's own models (people, regions, cooperatives)."""

import factory

from .models import Balai, Cooperative, Position, Role, User, Village


class CooperativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cooperative
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Koperasi Desa Merah Putih {n}")
    home_village = factory.LazyFunction(lambda: Village.objects.get(pk="63.03.01.2001"))

    @factory.post_generation
    def villages(self, create, extracted, **kwargs):
        if create:
            self.villages.add(*(extracted or [self.home_village]))


class BalaiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Balai
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"Balai Pelatihan {n}")
    code = factory.Sequence(lambda n: f"balai-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    full_name = factory.Faker("name", locale="id_ID")
    email = factory.Sequence(lambda n: f"user{n}@contoh.id")
    role = Role.PARTICIPANT
    password = factory.django.Password("sandi-rahasia-123")


class ParticipantFactory(UserFactory):
    role = Role.PARTICIPANT
    position = Position.BENDAHARA
    # A prefix no demo account uses (lms/demo.py has +6281200000001…): a test
    # that loads the demo and then makes participants gets no duplicate phone.
    phone = factory.Sequence(lambda n: f"+628199{n:07d}")
    village = factory.LazyFunction(lambda: Village.objects.get(pk="63.03.01.2001"))
    cooperative = factory.SubFactory(
        CooperativeFactory, home_village=factory.SelfAttribute("..village")
    )


class DinasOfficerFactory(UserFactory):
    role = Role.DINAS


class AssistantFactory(UserFactory):
    role = Role.ASSISTANT

    @factory.post_generation
    def villages(self, create, extracted, **kwargs):
        if create and extracted:
            self.assigned_villages.add(*extracted)


class InstructorFactory(UserFactory):
    role = Role.INSTRUCTOR
    is_staff = True
    balai = factory.SubFactory(BalaiFactory)


class AdminFactory(UserFactory):
    role = Role.ADMIN
    is_staff = True
    is_superuser = True

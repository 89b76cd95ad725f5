"""Objects that narrow a trigger are noun classes, not the words of a few
sentences: any leave to act that is sought is a request, and other senses of
the verb stay no event."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "The farmers' union sought permission from the district collector to march to the capital.",
    "The transport minister is seeking cabinet approval for the new rail tender.",
    "Opposition lawmakers sought a judicial inquiry into the shooting at the mill.",
])
def test_seeking_leave_or_an_inquiry_is_a_request(event_triggers, text):
    assert "REQUEST" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The senator will seek a third term in the autumn election.",
    "The young striker is still seeking his first goal of the season.",
])
def test_seeking_office_or_a_goal_is_no_request(event_triggers, text):
    assert "REQUEST" not in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The insurgents released four hostages near the river crossing on Sunday.",
    "A military court released him on bail after two nights in a cell.",
    "The junta freed Tomas Varga, a reporter held since March.",
    "The navy freed the trawler's crew the next morning.",
    "Their release was confirmed by the interior ministry.",
    "The rebels announced the release of 20 prisoners.",
])
def test_letting_people_go_is_a_release(event_triggers, text):
    assert "RETREAT" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The ministry released a statement on the flooding late on Monday.",
    "A survey released on Friday shows most voters want lower rents.",
    "The army released video of the convoy crossing the border.",
    "Police said in a news release that the road would reopen at noon.",
    "The company is releasing a new version of its payroll software.",
])
def test_publishing_is_no_release(event_triggers, text):
    assert "RETREAT" not in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The rebel commanders accepted the truce proposed by the bishops.",
    "Both delegations accepted the invitation to a second round in Geneva.",
])
def test_accepting_what_another_side_puts_forward_is_an_agreement(event_triggers, text):
    assert "AGREE" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The singer accepted her award from the festival jury on Saturday.",
    "Her son has been accepted to a university in the capital.",
    "Most farmers accepted that the harvest would be poor.",
])
def test_accepting_an_award_a_place_or_a_belief_is_no_agreement(event_triggers, text):
    assert "AGREE" not in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The envoy offered to mediate between the two factions.",
    "Norway offered humanitarian aid to the flood victims.",
    "The rebels offered talks with the provincial government.",
])
def test_offering_aid_talks_or_to_act_is_an_agreement(event_triggers, text):
    assert "AGREE" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The bakery offers flexible hours to parents of young children.",
    "The senator offered her condolences to the families.",
    "The new airline will offer two flights a week to the coast.",
])
def test_offering_goods_services_or_words_is_no_agreement(event_triggers, text):
    assert "AGREE" not in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The new levy will help schools hire more teachers next year.",
    "Her late goal helped the visitors win the cup.",
    "Cheaper loans helped pull the region out of recession.",
])
def test_helping_bring_about_an_outcome_is_no_aid(event_triggers, text):
    assert "AID" not in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The foreign minister said Iran should release the detained sailors.",
    "Opposition leaders said the government must resign.",
])
def test_a_reported_should_on_a_party_is_a_demand(event_triggers, text):
    assert "REQUEST" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The economist said the figures should worry the treasury.",
    "The mayor said we should all be proud of the firefighters.",
    "The engineer said the roadwork should start in April.",
    "One columnist wrote that should the senator win the primary, nobody could stop her.",
])
def test_a_reported_should_on_ourselves_a_thing_or_a_condition_is_no_demand(event_triggers, text):
    assert "REQUEST" not in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The inmate's lawyers asked the appeals court to delay the hearing.",
    "The sheriff asked residents for any footage of the two men.",
    "The envoy asked permission to visit the detained fishermen.",
])
def test_asking_for_something_is_a_request(event_triggers, text):
    assert "REQUEST" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    '"How long will the blockade last?" asked the farmer.',
    "The candidate asked the voters in the hall.",
    "The senator asked the minister several questions about the budget.",
])
def test_putting_a_question_is_no_request(event_triggers, text):
    assert "REQUEST" not in {event for event, _ in event_triggers(text)}


def test_what_is_asked_for_may_hang_on_whom_it_asks(event_triggers):
    assert "REQUEST" in {e for e, _ in event_triggers("Police are asking anyone who saw the van to call the station.")}


@pytest.mark.parametrize("text", [
    "The governor attacked his rival for skipping the budget hearings.",
    "Mara Quist attacked Tomas Varga over the phone on Tuesday night.",
    "The mayor attacked the court's ruling in a long post on Sunday.",
    "Daniel Osei's attacks drew a sharp reply from the party chair.",
    "The governor made political attacks on the senator.",
    "The senator's campaign sharpened its lines of attack against the governor.",
])
def test_attacking_in_words_is_criticism(event_triggers, text):
    events = {event for event, _ in event_triggers(text)}
    assert "ACCUSE" in events and "ASSAULT" not in events


@pytest.mark.parametrize("text", [
    "Gunmen attacked a police post near the border town on Friday.",
    "A man attacked Tomas Varga with a hammer outside his shop.",
    "Militants attacked him as he left the mosque.",
    "Insurgents launched an attack on an army convoy near Kandahar on Monday.",
])
def test_attacking_with_force_is_an_assault(event_triggers, text):
    assert "ASSAULT" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The two ministries agreed to share border patrol data from next month.",
    "Union leaders and the railway board agreed on a new wage scale on Friday.",
    "The rebels agreed to a ceasefire brokered by Qatar.",
])
def test_agreeing_to_something_is_an_agreement(event_triggers, text):
    assert "AGREE" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "Senator Hale agreed that the plan was too costly for the county.",
    "The health ministry agrees with the governor on vaccine safety.",
    "Mara Quist, a trade analyst in Oslo, agreed.",
])
def test_agreeing_with_a_view_is_no_agreement(event_triggers, text):
    assert "AGREE" not in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The opposition leader said on Monday he supports the ceasefire plan.",
    "Three regional governors are supporting Senator Hale for the party nomination.",
])
def test_supporting_a_side_or_a_plan_is_support(event_triggers, text):
    assert "SUPPORT" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The Harlow Foundation supports youth clubs in three northern towns.",
    "The charity said it supports several literacy initiatives in Lagos.",
    "The company promised to support working mothers with longer paid leave.",
    "Two marine battalions were supporting combat operations near Marjah.",
])
def test_keeping_up_or_paying_for_is_no_support(event_triggers, text):
    assert "SUPPORT" not in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "Prosecutors in Leeds charged two former councillors with fraud on Tuesday.",
    "Police charged Tomas Varga with arson after the warehouse fire.",
])
def test_charging_someone_with_a_crime_is_an_accusation(event_triggers, text):
    assert "ACCUSE" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The Harbour Club charged a $5,000 joining fee to new members.",
    "Northgate Power charged its customers twice for the same month.",
    "In Vantaa, the city charges motorists by the hour for parking.",
])
def test_charging_a_price_is_no_accusation(event_triggers, text):
    assert "ACCUSE" not in {event for event, _ in event_triggers(text)}


def test_flying_to_a_place_is_a_visit(event_triggers):
    assert "CONSULT" in {event for event, _ in event_triggers("The Polish foreign minister flew to Ankara on Monday.")}


@pytest.mark.parametrize("text", [
    "Captain Mara Quist flew over the stadium twice before landing.",
    "The Polish foreign minister flew back to Warsaw on Friday.",
    "Nordic Air has been flying between Oslo and Riga for a decade.",
])
def test_flying_with_no_destination_or_back_home_is_no_visit(event_triggers, text):
    assert "CONSULT" not in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "Chile and Peru signed a fisheries accord in Lima on Thursday.",
    "The two ministers signed a memorandum of understanding on rail links.",
])
def test_signing_an_agreement_is_support(event_triggers, text):
    assert "SUPPORT" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "Governor Hale signed the road safety bill into law on Friday.",
    "The president signed an executive order on drone imports.",
    "The bakery signed a ten-year lease for a shop on Mill Street.",
    "The suspect signed a confession after two days of questioning.",
])
def test_signing_a_law_or_a_private_paper_is_no_support(event_triggers, text):
    assert "SUPPORT" not in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "Two former officials pleaded guilty to bribery charges last month.",
    "The men pleaded not guilty at the magistrates court.",
    "The driver pleaded innocent to the reckless driving count.",
    "A council clerk who requested anonymity said the vote was delayed.",
    "A camp doctor who pleaded anonymity said four people had died.",
])
def test_court_pleas_and_unnamed_sources_are_no_requests(event_triggers, text):
    """A plea in court answers a charge and a source asking not to be named is
    how a story cites it: neither asks anyone for something (PLOVER REQUEST)."""
    assert "REQUEST" not in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The mayor pleaded with the governor to send more buses.",
    "The families pleaded for the release of the two fishermen.",
    "The union requested a meeting with the transport minister.",
])
def test_pleading_and_requesting_from_someone_stay_requests(event_triggers, text):
    assert "REQUEST" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The mayor beat her challenger by more than 3,000 votes in the runoff.",
    "A new survey shows the governor beating the senator 48 to 41 percent.",
    "The visiting side beat the champions in the cup final on Saturday.",
    "The incumbent beat out two rivals for the council seat.",
])
def test_winning_a_contest_is_no_beating(event_triggers, text):
    """Beating a rival in a vote or a game, or by a score, is a contest won:
    PLOVER's 'beat' is bodily assault."""
    assert "ASSAULT" not in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "Soldiers beat the two farmers with rifle butts near the checkpoint.",
    "Police beat protesters after the election results were announced.",
])
def test_a_beating_stays_an_assault(event_triggers, text):
    assert "ASSAULT" in {event for event, _ in event_triggers(text)}


@pytest.mark.parametrize("text", [
    "The mayor hosted a fundraising dinner for the hospital on Friday.",
    "Senator Ruiz spoke at a town hall hosted by CNN.",
    "Mayor Adams took questions at a dinner hosted by Governor Hochul.",
    "The Kenyan government will host the Commonwealth Games in 2030.",
    "Governor Hochul hosts a weekly radio show.",
])
def test_hosting_an_occasion_is_no_visit(event_triggers, text):
    """A dinner, a broadcast or a game that someone hosts receives no visitor:
    PLOVER CONSULT 'visit' is hosting or receiving a visitor."""
    assert not [trigger for _, trigger in event_triggers(text) if trigger.startswith("host")]


def test_hosting_a_leader_stays_a_visit(event_triggers):
    assert ("CONSULT", "hosted") in event_triggers("Kenya hosted the Ugandan president for two days of talks.")


@pytest.mark.parametrize("text, event", [
    ("The senator would not comment on a decree signed by Governor Hochul.", "SUPPORT"),
    ("A video shot by a bystander showed the crowd outside the court.", "ASSAULT"),
])
def test_a_participle_rules_out_a_sense_by_the_noun_it_modifies(event_triggers, text, event):
    """'a decree signed by', 'a video shot by': the modified noun is what is
    signed or shot, and it rules the event sense out as an object would."""
    assert event not in {found for found, _ in event_triggers(text)}

Feature: The teacher stays in charge of the generated questions before publishing
  In the preview, a teacher chooses how many questions of each kind, replaces a question
  with another, and edits a question's wording, choices, right answer and explanation.
  Edits are checked as a bank question is; the cited passages never move.

  Background:
    Given a logged-in teacher previewing the English sample article

  Scenario: A teacher changes the right answer and the wording of a question, then publishes
    When the teacher edits the first question: new wording, and another choice as the right answer
    And the teacher publishes the preview
    Then the published quiz's first question has the new wording and the new right answer
    And its cited passages are the ones the preview showed

  Scenario: An edit that leaves the question empty is refused next to the question
    When the teacher empties the wording of the first question and publishes
    Then the preview comes back with "Write the question." next to the first question
    And no quiz was published

  Scenario: A teacher asks for fewer questions of a kind
    When the teacher sets the number of questions of the first kind shown to 0 and updates the questions
    Then the preview shows no question of that kind
    And the other kinds' questions are still there

  Scenario: A teacher replaces a question with another one
    When the teacher asks to replace the first question
    Then the preview no longer shows that question
    And every question still shown is ticked to be kept

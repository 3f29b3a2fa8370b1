Feature: A teacher manages the quizzes they published
  A quiz gets a title of its own, a copy for another class, leaves the list when archived,
  is deleted with its attempts, is reopened after closing, and gets a new time limit that
  students already at work do not feel.

  Background:
    Given a teacher with a published 10 minute quiz that "Léa Martin" has joined

  Scenario: A title of its own and a copy for another class
    When the teacher renames the quiz "3e B — rumeurs" from its page
    And the teacher duplicates it from its page
    Then the copy has the title "3e B — rumeurs", a code of its own and no student

  Scenario: Archive, then delete
    When the teacher archives the quiz from its page
    Then the quiz is not in the teacher's list but in the archived ones
    When the teacher deletes the quiz from its page, typing its code
    Then the quiz and Léa Martin's attempt are gone

  Scenario: A new time limit leaves the attempt under way alone
    When the teacher changes the time limit to 20 minutes from its page
    Then the page says 1 quiz under way keeps the time it started with
    And a student who joins now has 20 minutes while Léa Martin keeps 10

  Scenario: Reopening a closed quiz
    When the teacher closes the quiz from its page
    And the teacher reopens the quiz from its page
    Then a new student can join

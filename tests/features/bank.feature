Feature: The question bank: teachers add, edit and approve questions, and move them in and out
  Each teacher has a bank of articles and questions. Generated questions arrive as drafts;
  only approved questions go into a quiz. Every question cites its article.

  Background:
    Given a teacher who published the French sample's quiz, keeping its first 4 questions

  Scenario: Generated questions arrive in the bank, the kept ones approved and the others as drafts
    When the teacher opens the question bank
    Then the bank lists every generated question of the article
    And the 4 kept questions are approved and the others are drafts

  Scenario: A teacher adds a question citing the passage they selected
    When the teacher writes a multiple-choice question citing the offsets of "Selon des sources proches du dossier, les deux directions auraient signé une lettre d'intention au début du mois."
    Then the question is saved in the bank with that citation, labelled with its paragraph
    And the citation's quote is exactly the article's text at its offsets

  Scenario: A question without a citation is refused, with what was typed kept
    When the teacher writes a multiple-choice question without selecting or pasting a passage
    Then the form comes back with status 400 and a message next to the cited passage
    And the prompt they typed is still in the form
    And no question was added

  Scenario: A pasted passage that is not in the article is refused
    When the teacher writes a multiple-choice question pasting "Les deux directions ont signé un accord définitif hier soir."
    Then the form comes back with status 400 and a message next to the cited passage
    And no question was added

  Scenario: Editing and approving a generated question; a past quiz keeps its version
    Given a student who took the published quiz and answered its first question right
    When the teacher rewrites the first question's prompt and makes another choice the right one
    And the teacher approves a draft question
    Then the bank shows the new prompt and the draft is approved
    And the published quiz still has the old prompt and the student's result has not changed

  Scenario: Building a quiz from a tag
    Given three approved questions of the teacher tagged "conditionnel"
    When the teacher draws 2 questions at random from the tag "conditionnel" and publishes
    Then a quiz is published with 2 questions, all tagged "conditionnel" and approved
    And a student can take it, the short answer included, and is graded on it

  Scenario: Drawing more questions than a tag has is refused, not shrunk silently
    Given three approved questions of the teacher tagged "conditionnel"
    When the teacher tries to draw 5 questions at random from the tag "conditionnel"
    Then the page says only 3 approved questions have this tag, and nothing is published

  Scenario: A student sees the teacher's note on the choice they made, only after submitting
    Given the teacher's multiple-choice question with a note on each choice, tagged "notes" and approved
    When the teacher draws 1 questions at random from the tag "notes" and publishes
    And a student picks a wrong choice and submits
    Then the review shows the teacher's note on that choice and not the notes on the other choices
    And no page or response the student got before submitting carried any of the notes

  Scenario: Importing a GIFT file
    When the teacher imports the GIFT file "seed-like.fr.gift"
    Then the bank has the file's questions as drafts, with their citations in the article
    And their prompts, choices and keys are those of the file

  Scenario: Importing the same file again adds nothing and says so
    When the teacher imports the GIFT file "seed-like.fr.gift"
    And the teacher imports the GIFT file "seed-like.fr.gift" again
    Then the second import added no question and no article
    And the page says the file's questions were already in the bank

  Scenario: Exporting Moodle XML
    When the teacher exports their bank as Moodle XML
    Then they get a Moodle XML file with one question per bank question and the article as a description
    And every question's general feedback quotes its citations

  Scenario: A retired question stays out of an export unless the teacher looks at retired ones
    Given one of the teacher's questions is retired
    When the teacher exports their bank as Moodle XML
    Then the file has every question but the retired one
    When the teacher exports the retired questions they are looking at as Moodle XML
    Then the file has the retired one too, marked retired

  Scenario: A bad import is refused whole
    When the teacher imports a GIFT file whose third question cites a passage that is not in the article
    Then the import page lists the problem naming its line
    And no question or article was added

  Scenario: A teacher sees only their own bank, and shared questions are read-only
    Given another teacher at the same school
    When the teacher shares one question with the school
    Then the other teacher sees it among the shared questions, but cannot edit it
    And the other teacher can copy it to their own bank as a draft
    And the other teacher does not see the questions that were not shared

  Scenario: Students never reach the bank
    Then a visitor who is not logged in is sent to the login page from every bank page

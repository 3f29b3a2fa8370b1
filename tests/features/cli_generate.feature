Feature: Generating a quiz from a news article
  A teacher gives mlquiz a news article and gets questions whose answer key
  quotes, word for word, the passage of the article that proves each answer.

  Scenario: A teacher generates a quiz from the seed-like French sample
    When the teacher runs mlquiz generate --sample fr
    Then the command succeeds with nothing on stderr
    And the output lists at least 5 numbered questions, each with lettered choices
    And the output has an answer key headed "Corrigé" with one answer per question
    And every answer in the key quotes the French sample word for word after a ¶ or Titre label

  Scenario Outline: JSON output obeys the citation invariant
    Given the <article> saved as a file with <newlines> line endings
    When the teacher runs mlquiz generate on that file with --json
    Then the command succeeds with nothing on stderr
    And the quiz has at least 5 questions
    And every citation's quote is exactly the file's text between its start and end
    And every citation names a passage label such as ¶2
    And every answer points at one of its question's choices

    Examples:
      | article        | newlines |
      | French sample  | LF       |
      | French sample  | CRLF     |
      | English sample | LF       |

  Scenario: Same article and seed give the same quiz
    Given the French sample saved as a file with LF line endings
    When the teacher generates a JSON quiz from that file twice with seed 7
    Then the two outputs are byte-identical
    When the teacher generates a JSON quiz from that file with seed 8
    Then that quiz says it used seed 8
    And it is not the same quiz as with seed 7

  Scenario: An English article gives English questions
    When the teacher runs mlquiz generate --sample en
    Then the command succeeds with nothing on stderr
    And the output has an answer key headed "Answer key" with one answer per question
    And the questions are worded in English, not French

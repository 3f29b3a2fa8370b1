Feature: Analysing an article
  Before making a quiz, a teacher can ask mlquiz what a critical reader should
  notice in an article: rumour words, unnamed sources, the journalistic
  conditional, a question-mark headline, an AI-use notice, who wrote it.

  Scenario: A French article built on an unnamed source
    Given the article file "piscine.fr.txt"
    When the teacher runs mlquiz analyze on it with --json
    Then the command succeeds with nothing on stderr
    And the article is recognised as "fr"
    And the headline is flagged as a question
    And "aurait" is found as a conditional cue
    And "Selon des sources proches" is found as an unnamed_source cue
    And the source "Selon des sources proches de la mairie" is anonymous
    And the footer line "Cet article a été rédigé avec l'aide d'un outil d'intelligence artificielle" is an ai_use disclosure
    And the author is only described by a bio, without a name
    And every finding quotes the article exactly at its offsets

  Scenario: An English article with hedges and a named witness
    Given the article file "library.en.txt"
    When the teacher runs mlquiz analyze on it with --json
    Then the command succeeds with nothing on stderr
    And the article is recognised as "en"
    And the headline is flagged as a question
    And "reportedly" is found as a hedge cue
    And "declined to comment" is found as an uncertainty cue
    And the source naming "Maria Lopez" is a named_person
    And no disclosure is found
    And every finding quotes the article exactly at its offsets

  Scenario: A French article that only reports plain facts
    Given the article file "mediatheque.fr.txt"
    When the teacher runs mlquiz analyze on it with --json
    Then the command succeeds with nothing on stderr
    And the headline is not flagged as a question
    And no conditional, rumour or unnamed_source cue is found
    And no disclosure is found

  Scenario: An annual report quoted with "according to" is a document source
    Given the article file "library.en.txt"
    When the teacher runs mlquiz analyze on it with --json
    Then the source "according to its annual report" is a document

  Scenario: An anonymous source ends where the attribution ends
    Given the article file "piscine.fr.txt"
    When the teacher runs mlquiz analyze on it with --json
    Then a source is exactly "Selon des sources proches de la mairie"

  Scenario: A quotation near the top of the article is body text, not the author's bio
    Given the article file "mediatheque.fr.txt"
    When the teacher runs mlquiz analyze on it with --json
    Then the source naming "Claire Fontaine" is a named_person
    And no author is found

  Scenario: A named speaker set off by commas before the verb is a named source
    Given the article file "piscine.fr.txt"
    When the teacher runs mlquiz analyze on it with --json
    Then the source naming "Paul Garnier" is a named_person

  Scenario: A body telling of its own plans gives its own account
    Given the article file "ferries.en.txt"
    When the teacher runs mlquiz analyze on it with --json
    Then the source naming "Larch Ferries" speaks about itself
    And the source naming "Tom Reyes" does not speak about itself

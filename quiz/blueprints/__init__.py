"""One blueprint per role: students take, teachers teach; auth and health beside them."""

"""Knowledge about the world the news talks about: the actor registry (``registry``) and the gazetteer
matcher that finds registry actors in Arabic text (``matcher``)."""

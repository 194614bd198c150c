app_name = "coassessment"
urlpatterns: list = []

"""The owner's API of share links: create (the only moment the link exists in full), list, read, revoke."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from footlog.api.schema import ERROR
from footlog.api.scoping import user_of
from footlog.lib.private import private_response
from footlog.sharing import presenter, selectors, services
from footlog.sharing.serializers import ShareCreatedOut, ShareIn, ShareOut


class ShareList(APIView):
    @extend_schema(responses=ShareOut(many=True), summary="The user's share links with their access log")
    def get(self, request: Request) -> Response:
        return Response(ShareOut(selectors.shares_for(user_of(request)), many=True).data)

    @extend_schema(
        request=ShareIn,
        responses={201: ShareCreatedOut, 400: ERROR},
        summary="Open a read-only link for a clinician",
        description="The answer is the only time the link exists in full: footlog keeps a hash of its token. "
        "`qr_svg` is an SVG QR code of `url` to show on the page that created it; `shlink` is the link as a "
        "SMART Health Link (the range's FHIR Bundle, encrypted, behind a manifest), `shlink_url` the same in the "
        "viewer-prefix form (footlog's viewer page, which decrypts in the browser) and `shlink_qr_svg` its QR code.",
    )
    def post(self, request: Request) -> Response:
        body = ShareIn(data=request.data)
        body.is_valid(raise_exception=True)
        created = presenter.create_share(user_of(request), body.validated_data, request)
        response = Response(ShareCreatedOut(created.as_api()).data, status=status.HTTP_201_CREATED)
        return private_response(response)  # carries the link: the only moment it exists in full


class ShareDetail(APIView):
    @extend_schema(responses={200: ShareOut, 404: ERROR}, summary="One share link with its access log")
    def get(self, request: Request, pk: str) -> Response:
        return Response(ShareOut(selectors.share_of(user_of(request), pk)).data)

    @extend_schema(responses={204: None, 404: ERROR}, summary="Revoke a share link (it then answers 404)")
    def delete(self, request: Request, pk: str) -> Response:
        services.share_revoke(selectors.share_of(user_of(request), pk))
        return Response(status=status.HTTP_204_NO_CONTENT)
